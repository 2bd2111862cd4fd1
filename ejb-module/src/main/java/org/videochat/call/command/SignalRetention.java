package org.videochat.call.command;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes the signals (offers, answers, ICE candidates: up to 64 KiB each) of calls that ended
 * more than {@code videochat.calls.signal-retention-hours} ago; the call row and its view stay as
 * the record of the call. One node at a time (a transaction-scoped advisory lock), at most
 * {@link #BATCH} rows a run, so a backlog is worked off in slices instead of one long transaction.
 */
@Stateless
public class SignalRetention {

    private static final Logger LOG = Logger.getLogger(SignalRetention.class.getName());
    static final int BATCH = 5_000;

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "videochat.calls.signal-retention-hours")
    long retentionHours;

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    void prune() {
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('videochat.signal-retention'))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return; // another node is at it
        }
        int removed = em.createNativeQuery("""
                        DELETE FROM call_signal WHERE id IN (
                            SELECT s.id FROM call c JOIN call_signal s ON s.call_id = c.id
                            WHERE c.state = 'ENDED' AND c.ended_at < now() - make_interval(hours => ?1)
                            LIMIT ?2)""")
                .setParameter(1, (int) retentionHours)
                .setParameter(2, BATCH)
                .executeUpdate();
        if (removed > 0) {
            LOG.info(() -> "signal retention: removed " + removed + " signals of calls ended over " + retentionHours
                    + " h ago");
        }
    }
}
