package org.videochat.call.command;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends calls nobody answered. The deadline is a column of the call, so the check survives any
 * node going away; every node runs it, and {@code FOR UPDATE SKIP LOCKED} keeps two nodes from
 * ending the same call twice.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RingTimeouts {

    private static final Logger LOG = Logger.getLogger(RingTimeouts.class.getName());

    @Resource
    TimerService timers;

    @Inject
    CallCommands commands;

    @Inject
    @ConfigProperty(name = "videochat.calls.ring-check-seconds")
    long checkSeconds;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(checkSeconds * 1000, checkSeconds * 1000, new TimerConfig("ring-timeouts", false));
    }

    @Timeout
    void check() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous round is still busy
        }
        try {
            int expired;
            do {
                expired = commands.expireUnanswered(100);
            } while (expired == 100);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ending unanswered calls failed; retrying on the next round", e);
        } finally {
            running.set(false);
        }
    }
}
