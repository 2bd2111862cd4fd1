package org.videochat.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What keeps password checks (100,000 PBKDF2 rounds each) from being a free way to burn CPU:
 * <ul>
 *   <li>a source with {@code videochat.login.failures-per-source-per-minute} failed checks in the
 *       current minute gets no more checks until the minute ends — refused before any hashing or
 *       database work;</li>
 *   <li>an API client that sends the same valid HTTP Basic credentials with every request is
 *       checked once per {@code videochat.login.remember-verified-seconds}, not on every request.</li>
 * </ul>
 * Both are kept in memory, per node, and bounded in size.
 */
@ApplicationScoped
public class SignInLimits {

    private static final int MAX_SOURCES = 10_000;
    private static final int MAX_REMEMBERED = 10_000;

    /** A verified sign-in: who, with which groups, when. */
    public record Verified(String username, Set<String> groups, long verifiedAtMs) {}

    private record Failures(long minute, int count) {}

    @Inject
    @ConfigProperty(name = "videochat.login.failures-per-source-per-minute")
    int failuresPerSource;

    @Inject
    @ConfigProperty(name = "videochat.login.remember-verified-seconds")
    int rememberSeconds;

    private final byte[] salt = new byte[32];

    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_SOURCES;
        }
    };

    private final Map<String, Verified> verified = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    public SignInLimits() {
        new SecureRandom().nextBytes(salt);
    }

    /** Whether this source may have its password checked now. */
    public synchronized boolean mayCheck(String source, long nowMs) {
        Failures f = failures.get(source);
        return f == null || f.minute() != nowMs / 60_000 || f.count() < failuresPerSource;
    }

    public synchronized void failed(String source, long nowMs) {
        long minute = nowMs / 60_000;
        Failures f = failures.get(source);
        failures.put(
                source,
                f == null || f.minute() != minute ? new Failures(minute, 1) : new Failures(minute, f.count() + 1));
    }

    /** The earlier verification of exactly these credentials, if still fresh. */
    public synchronized Verified remembered(String username, char[] password, long nowMs) {
        String key = key(username, password);
        Verified v = verified.get(key);
        if (v != null && nowMs - v.verifiedAtMs() > rememberSeconds * 1000L) {
            verified.remove(key);
            return null;
        }
        return v;
    }

    public synchronized void remember(String username, char[] password, Verified who) {
        if (rememberSeconds > 0) {
            verified.put(key(username, password), who);
        }
    }

    /**
     * A wrong password was tried for this name: whatever was remembered for it is checked again,
     * so that the name's lock (LoginThrottle) applies to every password, the right one too.
     */
    public synchronized void forget(String username) {
        verified.values().removeIf(v -> v.username().equals(username));
    }

    /** A salted digest: the credentials themselves are never kept. */
    private String key(String username, char[] password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(username.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
