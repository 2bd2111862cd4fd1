package org.videochat.cdc;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this node's projection is retrying right now, for the operations console and the log:
 * while the database is away the changes wait in the broker (the console's videochat.cdc depth
 * grows), and this says why they do not move.
 */
@ApplicationScoped
public class ProjectionRetries {

    /** A snapshot: changes being retried now, retries since start, dead-lettered since start, the last transient failure. */
    public record Status(int retryingNow, long retries, long deadLettered, String lastFailure, long lastFailureAtMs) {
    }

    private final AtomicInteger retryingNow = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile String lastFailure;
    private volatile long lastFailureAtMs;

    void started() {
        retryingNow.incrementAndGet();
    }

    void failedAgain(String failure) {
        retries.incrementAndGet();
        lastFailure = failure;
        lastFailureAtMs = System.currentTimeMillis();
    }

    void ended() {
        retryingNow.decrementAndGet();
    }

    void deadLettered() {
        deadLettered.incrementAndGet();
    }

    public Status status() {
        return new Status(retryingNow.get(), retries.get(), deadLettered.get(), lastFailure, lastFailureAtMs);
    }
}
