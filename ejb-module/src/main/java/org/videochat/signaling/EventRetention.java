package org.videochat.signaling;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.platform.CommandReceipts;

/**
 * Keeps the per-user event logs to {@code videochat.events.retention-hours}, and command
 * receipts (idempotency keys) to {@code videochat.commands.idempotency-hours}.
 */
@Singleton
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class.getName());
    /** Events removed per run at most: a backlog is worked off in slices, every ten minutes. */
    static final int BATCH = 50_000;

    @Inject
    UserEventLog log;

    @Inject
    @ConfigProperty(name = "videochat.events.retention-hours")
    long retentionHours;

    @Inject
    CommandReceipts receipts;

    @Inject
    @ConfigProperty(name = "videochat.commands.idempotency-hours")
    long idempotencyHours;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void prune() {
        receipts.forgetOlderThan(idempotencyHours);
        int users = log.prune(retentionHours, BATCH);
        if (users > 0) {
            LOG.info(() -> "event retention: pruned the logs of " + users + " users");
        }
    }
}
