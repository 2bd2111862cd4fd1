package org.videochat.presence.command;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.directory.UserAccount;
import org.videochat.platform.RequestRejected;

/**
 * Keeps each person's presence row (captured by CDC) equal to what their situation says:
 * {@code dnd} when Do Not Disturb is on, {@code in_call} during a connected call, {@code online}
 * with at least one open signaling stream on any node, otherwise {@code offline}. The row only
 * changes when the status does, so only real changes travel the CDC path.
 */
@Stateless
public class PresenceCommands {

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "videochat.presence.min-change-ms")
    long minPresenceChangeMs;

    public void setDoNotDisturb(String username, boolean on) {
        UserAccount account = em.find(UserAccount.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw RequestRejected.notFound("unknown-user", "No such user.");
        }
        if (account.dnd() == on) {
            return;
        }
        // Every change of presence travels the CDC path and reaches every open stream of every
        // node: one person toggling in a loop must not flood everybody's streams.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime last = account.dndChangedAt();
        if (last != null && last.plusNanos(minPresenceChangeMs * 1_000_000).isAfter(now)) {
            throw new RequestRejected(
                    429,
                    "presence-changing-too-fast",
                    "Do Not Disturb can change once every " + minPresenceChangeMs + " ms; try again in a moment.");
        }
        account.setDnd(on, now);
        em.flush();
        refresh(username);
    }

    public void refresh(String username) {
        em.createNativeQuery("""
                        INSERT INTO presence (username, status)
                        SELECT u.username,
                               CASE WHEN u.dnd THEN 'dnd'
                                    WHEN EXISTS (SELECT 1 FROM call c WHERE (c.caller = u.username OR c.callee = u.username)
                                                 AND c.state = 'CONNECTED') THEN 'in_call'
                                    WHEN EXISTS (SELECT 1 FROM stream_connection s WHERE s.username = u.username) THEN 'online'
                                    ELSE 'offline' END
                        FROM app_user u WHERE u.username = ?1
                        ON CONFLICT (username) DO UPDATE SET status = EXCLUDED.status, updated_at = now()
                        WHERE presence.status <> EXCLUDED.status""").setParameter(1, username).executeUpdate();
    }

    public void refresh(Collection<String> usernames) {
        usernames.stream().distinct().forEach(this::refresh);
    }
}
