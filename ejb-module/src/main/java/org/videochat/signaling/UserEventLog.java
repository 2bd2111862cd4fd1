package org.videochat.signaling;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.videochat.platform.SqlArrays;

/**
 * The per-user event logs behind the signaling streams.
 *
 * <p>Appending takes the user's {@code user_stream} row lock, so one user's events commit in the
 * order of their sequence numbers: a stream that has delivered seq n can never later find an
 * uncommitted n-1 appearing behind it. The same lock makes the duplicate check exact.
 */
@Stateless
public class UserEventLog {

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    /**
     * Appends an event unless the change named by {@code sourceKey} already produced it (a
     * redelivered change). {@code commitMs} and {@code publishMs} are when that change committed
     * and when it was published to the broker; they are kept to measure delivery.
     *
     * @return the new sequence number, or -1 when the event was already there
     */
    public long append(
            String username,
            String type,
            UUID callId,
            String payload,
            String sourceKey,
            long commitMs,
            long publishMs) {
        em.createNativeQuery(
                        "INSERT INTO user_stream (username, last_seq) VALUES (?1, 0) ON CONFLICT (username) DO NOTHING")
                .setParameter(1, username)
                .executeUpdate();
        long last = ((Number) em.createNativeQuery("SELECT last_seq FROM user_stream WHERE username = ?1 FOR UPDATE")
                        .setParameter(1, username)
                        .getSingleResult())
                .longValue();
        boolean seen = !em.createNativeQuery("SELECT 1 FROM user_event WHERE username = ?1 AND source_key = ?2")
                .setParameter(1, username)
                .setParameter(2, sourceKey)
                .getResultList()
                .isEmpty();
        if (seen) {
            return -1;
        }
        long seq = last + 1;
        em.createNativeQuery("""
                        INSERT INTO user_event (username, seq, type, call_id, payload, source_key, cdc_commit_ms, cdc_publish_ms)
                        VALUES (?1, ?2, ?3, CAST(?4 AS uuid), ?5, ?6, ?7, ?8)""")
                .setParameter(1, username)
                .setParameter(2, seq)
                .setParameter(3, type)
                .setParameter(4, callId == null ? null : callId.toString())
                .setParameter(5, payload)
                .setParameter(6, sourceKey)
                .setParameter(7, commitMs)
                .setParameter(8, publishMs)
                .executeUpdate();
        em.createNativeQuery("UPDATE user_stream SET last_seq = ?2 WHERE username = ?1")
                .setParameter(1, username)
                .setParameter(2, seq)
                .executeUpdate();
        return seq;
    }

    /** Events of {@code username} with a sequence number above {@code afterSeq}, oldest first. */
    public List<UserEvent> after(String username, long afterSeq, int limit) {
        return em.createQuery(
                        "SELECT e FROM UserEvent e WHERE e.username = :u AND e.seq > :s ORDER BY e.seq",
                        UserEvent.class)
                .setParameter("u", username)
                .setParameter("s", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Where each of {@code usernames}' logs stands: username → [last seq, pruned through]. */
    public java.util.Map<String, long[]> positions(java.util.Collection<String> usernames) {
        java.util.Map<String, long[]> result = new java.util.HashMap<>();
        if (usernames.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT username, last_seq, pruned_through FROM user_stream WHERE username = ANY (CAST(?1 AS text[]))")
                .setParameter(1, SqlArrays.text(usernames))
                .getResultList();
        for (Object[] r : rows) {
            result.put((String) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        return result;
    }

    /**
     * Removes up to {@code batch} events older than {@code hours}; a stream asking for them later is
     * told to resync. Only one node prunes at a time (an advisory lock held by the transaction);
     * the others return 0 at once.
     */
    public int prune(long hours, int batch) {
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('videochat.event-retention'))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        return em.createNativeQuery("""
                        WITH gone AS (
                            DELETE FROM user_event WHERE ctid IN (
                                SELECT ctid FROM user_event WHERE projected_at < now() - make_interval(hours => ?1) LIMIT ?2)
                            RETURNING username, seq)
                        UPDATE user_stream s SET pruned_through = g.upto
                        FROM (SELECT username, max(seq) AS upto FROM gone GROUP BY username) g
                        WHERE s.username = g.username AND s.pruned_through < g.upto""")
                .setParameter(1, (int) hours)
                .setParameter(2, batch)
                .executeUpdate();
    }
}
