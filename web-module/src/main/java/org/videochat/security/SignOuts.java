package org.videochat.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operators' "sign this person out everywhere", as this node applies it. HTTP sessions live on
 * the node that created them and are not indexed by person, so instead of hunting them down each
 * node remembers when the person was signed out, and {@link SignIn} ends any session of theirs
 * that began before that moment at its next request. Compared with this node's own clock only.
 */
@ApplicationScoped
public class SignOuts {

    private final Map<String, Long> signedOutAt = new ConcurrentHashMap<>();

    public void signOut(String username, long atMs) {
        signedOutAt.merge(username, atMs, Math::max);
    }

    /** Whether a session of {@code username} that signed in at {@code signedInMs} has been ended by an operator. */
    boolean ended(String username, long signedInMs) {
        Long at = signedOutAt.get(username);
        return at != null && signedInMs <= at;
    }
}
