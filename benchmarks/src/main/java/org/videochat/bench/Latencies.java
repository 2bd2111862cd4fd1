package org.videochat.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Recorded durations in microseconds, summarised as the percentiles the report shows. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile (0..100) in milliseconds, nearest rank; NaN when empty. */
    synchronized double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1000.0;
    }

    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", count());
        s.put("p50_ms", round(percentileMs(50)));
        s.put("p95_ms", round(percentileMs(95)));
        s.put("p99_ms", round(percentileMs(99)));
        s.put("max_ms", round(percentileMs(100)));
        return s;
    }

    static double round(double ms) {
        return Double.isNaN(ms) ? ms : Math.round(ms * 10) / 10.0;
    }
}
