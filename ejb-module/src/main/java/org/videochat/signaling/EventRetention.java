package org.videochat.signaling;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/** Keeps the per-user event logs to {@code videochat.events.retention-hours}. */
@Singleton
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class.getName());

    @Inject
    UserEventLog log;

    @Inject
    @ConfigProperty(name = "videochat.events.retention-hours")
    long retentionHours;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void prune() {
        int users = log.prune(retentionHours);
        if (users > 0) {
            LOG.info(() -> "event retention: pruned the logs of " + users + " users");
        }
    }
}
