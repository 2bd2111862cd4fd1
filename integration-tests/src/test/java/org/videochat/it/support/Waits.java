package org.videochat.it.support;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waiting on a condition with a deadline, never a bare sleep. */
public final class Waits {

    private Waits() {}

    public static <T> T until(String what, Duration timeout, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.call();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + " did not happen within " + timeout, last);
    }
}
