package org.videochat.presence.query;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The open signaling streams of every node, as operators see them. */
@Stateless
public class OpenStreamRecords {

    /** An open signaling stream on some node. */
    public record OpenStream(
            String id,
            String username,
            String node,
            OffsetDateTime openedAt,
            OffsetDateTime lastSeen,
            String presence) {}

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    /** Every open stream on every node, by person. */
    public List<OpenStream> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT CAST(s.id AS text), s.username, s.node, s.opened_at, s.last_seen, coalesce(p.status, 'offline')
                        FROM stream_connection s LEFT JOIN presence p ON p.username = s.username
                        ORDER BY s.username, s.opened_at""").getResultList();
        return rows.stream()
                .map(r -> new OpenStream(
                        (String) r[0], (String) r[1], (String) r[2], time(r[3]), time(r[4]), (String) r[5]))
                .toList();
    }

    /** Whether a stream with this id is open on some node (any text is safe to ask about). */
    public boolean isOpen(String id) {
        return !em.createNativeQuery("SELECT 1 FROM stream_connection WHERE CAST(id AS text) = ?1")
                .setParameter(1, id)
                .getResultList()
                .isEmpty();
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : null;
    }
}
