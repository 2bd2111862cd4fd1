package org.videochat.bench;

import java.util.concurrent.locks.LockSupport;

/** Fixed-rate sending: each send has a due time, and latency is counted from it. */
final class Pacing {

    private Pacing() {}

    static void sleepUntil(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
