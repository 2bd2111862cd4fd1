package org.videochat.call.query;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the call query model, always on behalf of someone. */
@Stateless
public class CallQueries {

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    /** The call, if it exists and {@code viewer} takes part in it; otherwise nothing (never a hint that it exists). */
    public Optional<CallView> find(UUID id, String viewer) {
        return Optional.ofNullable(em.find(CallView.class, id)).filter(c -> c.isParticipant(viewer));
    }

    /** {@code viewer}'s calls, newest first, older than {@code before} when given. */
    public List<CallView> history(String viewer, OffsetDateTime before, int limit) {
        return em.createQuery("""
                        SELECT c FROM CallView c
                        WHERE (c.caller = :me OR c.callee = :me) AND c.createdAt < :before
                        ORDER BY c.createdAt DESC""", CallView.class)
                .setParameter("me", viewer)
                .setParameter("before", before == null ? OffsetDateTime.now().plusYears(100) : before)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The call {@code viewer} is in right now (ringing or connected), if any. */
    public Optional<CallView> current(String viewer) {
        return em.createQuery("""
                        SELECT c FROM CallView c
                        WHERE (c.caller = :me OR c.callee = :me) AND c.state <> 'ENDED'
                        ORDER BY c.createdAt DESC""", CallView.class)
                .setParameter("me", viewer)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * The invite of a call that rings for {@code callee}, as its incoming-call event said it, with
     * every candidate batch the caller sent so far: what a page that was reloaded while being
     * called needs to ring and answer.
     */
    public Optional<String> invite(UUID callId, String callee) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("""
                        SELECT json_build_object('invite', i.payload::json,
                                                 'candidates', COALESCE((SELECT json_agg(c.payload::json ORDER BY c.seq)
                                                                         FROM user_event c
                                                                         WHERE c.username = i.username AND c.call_id = i.call_id
                                                                           AND c.type = 'candidates'), '[]'::json))::text
                        FROM user_event i JOIN call_view v ON v.id = i.call_id
                        WHERE i.username = ?1 AND i.call_id = CAST(?2 AS uuid) AND i.type = 'incoming-call'
                          AND v.callee = ?1 AND v.state IN ('TRYING', 'RINGING')
                        ORDER BY i.seq DESC LIMIT 1""")
                .setParameter(1, callee)
                .setParameter(2, callId.toString())
                .getResultList();
        return rows.stream().findFirst();
    }

    /** For operators: any call. */
    public Optional<CallView> find(UUID id) {
        return Optional.ofNullable(em.find(CallView.class, id));
    }

    /** For operators: every call that is ringing or connected, oldest first. */
    public List<CallView> active() {
        return em.createQuery("SELECT c FROM CallView c WHERE c.state <> 'ENDED' ORDER BY c.createdAt", CallView.class)
                .getResultList();
    }

    /** For operators: the most recently ended calls, newest first. */
    public List<CallView> recentlyEnded(int limit) {
        return em.createQuery(
                        "SELECT c FROM CallView c WHERE c.state = 'ENDED' ORDER BY c.endedAt DESC", CallView.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * One event of a call's signal trace: which captured change produced it (the command's commit),
     * for whom, and when it passed each stage. Times are epoch milliseconds; {@code commitMs} and
     * {@code publishMs} come from Debezium Server, {@code projectedMs} from the database clock.
     */
    public record TracedEvent(
            String username,
            long seq,
            String type,
            String sourceKey,
            Long commitMs,
            Long publishMs,
            long projectedMs) {}

    /** For operators: every event projected for the call, in the order the changes were committed. */
    public List<TracedEvent> trace(UUID callId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT username, seq, type, source_key, cdc_commit_ms, cdc_publish_ms,
                               (extract(epoch FROM projected_at) * 1000)::bigint
                        FROM user_event WHERE call_id = CAST(?1 AS uuid)
                        ORDER BY projected_at, username, seq""").setParameter(1, callId.toString()).getResultList();
        return rows.stream()
                .map(r -> new TracedEvent(
                        (String) r[0],
                        ((Number) r[1]).longValue(),
                        (String) r[2],
                        (String) r[3],
                        r[4] == null ? null : ((Number) r[4]).longValue(),
                        r[5] == null ? null : ((Number) r[5]).longValue(),
                        ((Number) r[6]).longValue()))
                .toList();
    }
}
