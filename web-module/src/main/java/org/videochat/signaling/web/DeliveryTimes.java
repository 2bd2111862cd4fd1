package org.videochat.signaling.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When this node's streams delivered events, kept in memory for the operations console: the
 * last stage of the signal latency (projection → SSE write) as percentiles over a recent window,
 * and the delivery time of recent events for a call's signal trace. Only live deliveries count
 * as latency (the event was projected while the stream was open); a replay after a reconnect is
 * not a measure of how fast signals travel.
 */
@ApplicationScoped
public class DeliveryTimes {

    private static final int SAMPLES = 65_536;
    private static final int TRACED = 20_000;

    /** Percentiles of the projection → SSE stage, in milliseconds, over a window. */
    public record Stage(int count, long p50, long p95) {}

    private final long[] at = new long[SAMPLES];
    private final long[] latency = new long[SAMPLES];
    private int next;
    private int size;

    private final Map<String, Long> deliveredAt = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > TRACED;
        }
    };

    synchronized void delivered(String username, long seq, long projectedMs, long streamOpenedMs, long nowMs) {
        deliveredAt.putIfAbsent(username + "/" + seq, nowMs);
        if (projectedMs >= streamOpenedMs) {
            at[next] = nowMs;
            latency[next] = Math.max(0, nowMs - projectedMs);
            next = (next + 1) % SAMPLES;
            size = Math.min(size + 1, SAMPLES);
        }
    }

    /** When this node first delivered {@code username}'s event {@code seq}, or null (another node, or too long ago). */
    public synchronized Long deliveredAt(String username, long seq) {
        return deliveredAt.get(username + "/" + seq);
    }

    public synchronized Stage since(long fromMs) {
        long[] window = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (at[i] >= fromMs) {
                window[n++] = latency[i];
            }
        }
        if (n == 0) {
            return new Stage(0, 0, 0);
        }
        Arrays.sort(window, 0, n);
        return new Stage(n, window[(int) Math.ceil(0.50 * n) - 1], window[(int) Math.ceil(0.95 * n) - 1]);
    }
}
