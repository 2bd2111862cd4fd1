package org.videochat.presence.command;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.videochat.platform.SqlArrays;

/**
 * The {@code stream_connection} rows: one per open signaling stream on any node. Being online
 * means having one, so every change refreshes the person's presence.
 */
@Stateless
public class StreamRecords {

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    @Inject
    PresenceCommands presence;

    /** Records an open stream of this node, so every node can tell who is online. */
    public void opened(String connectionId, String username, String node) {
        em.createNativeQuery(
                        "INSERT INTO stream_connection (id, username, node) VALUES (CAST(?1 AS uuid), ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, connectionId)
                .setParameter(2, username)
                .setParameter(3, node)
                .executeUpdate();
        presence.refresh(username);
    }

    public void closed(String connectionId, String username) {
        em.createNativeQuery("DELETE FROM stream_connection WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, connectionId)
                .executeUpdate();
        presence.refresh(username);
    }

    /**
     * This node's streams are alive. Rows of this node that are not among {@code openIds} (a close
     * whose bookkeeping was lost) and rows of nodes silent for {@code staleSeconds} are removed.
     */
    public void alive(String node, List<String> openIds, int staleSeconds) {
        em.createNativeQuery("UPDATE stream_connection SET last_seen = now() WHERE node = ?1")
                .setParameter(1, node)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> gone = em.createNativeQuery("""
                        DELETE FROM stream_connection
                        WHERE last_seen < now() - make_interval(secs => ?1)
                           OR (node = ?2 AND opened_at < now() - interval '10 seconds' AND NOT (CAST(id AS text) = ANY (CAST(?3 AS text[]))))
                        RETURNING username""")
                .setParameter(1, staleSeconds)
                .setParameter(2, node)
                .setParameter(3, SqlArrays.text(openIds))
                .getResultList();
        presence.refresh(gone);
    }
}
