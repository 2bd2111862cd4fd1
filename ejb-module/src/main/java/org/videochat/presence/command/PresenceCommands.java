package org.videochat.presence.command;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;

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
                        WHERE presence.status <> EXCLUDED.status""")
                .setParameter(1, username)
                .executeUpdate();
    }

    public void refresh(Collection<String> usernames) {
        usernames.stream().distinct().forEach(this::refresh);
    }
}
