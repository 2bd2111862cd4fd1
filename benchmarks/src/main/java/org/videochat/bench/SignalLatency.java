package org.videochat.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signals at a fixed rate from callers to callees of connected calls, over real HTTP, timed from
 * the moment each was due to be sent (so a stalled server cannot hide queueing) to its arrival on
 * the callee's event stream. Two paths: the product's ({@code POST /api/calls/{id}/candidates}
 * through PostgreSQL, Debezium, Artemis and the projection) and the direct relay baseline.
 */
final class SignalLatency {

    enum Path {
        CDC,
        DIRECT
    }

    /** How a signal names itself in its event: the marker the benchmark put in it. */
    static final Pattern MARKER = Pattern.compile("\"(?:usernameFragment|marker)\":\"(m\\d+)\"");

    record Sent(long dueNanos, long dueMillis) {}

    /** What one run measured. */
    record Run(
            Path path,
            int rate,
            int sent,
            int received,
            int failed,
            double seconds,
            Latencies total,
            Map<String, Latencies> stages) {

        double achievedRate() {
            return received / seconds;
        }

        Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("path", path.name().toLowerCase());
            s.put("target_per_s", rate);
            s.put("achieved_per_s", Math.round(achievedRate()));
            s.put("sent", sent);
            s.put("received", received);
            s.put("failed_requests", failed);
            s.putAll(total.summary());
            if (!stages.isEmpty()) {
                Map<String, Object> st = new LinkedHashMap<>();
                stages.forEach((k, v) -> st.put(k, v.summary()));
                s.put("stages", st);
            }
            return s;
        }
    }

    private final Client client;
    private final String jdbcUrl;
    private final List<CallPair> pairs;
    private final AtomicInteger markers = new AtomicInteger();
    private final Map<String, Sent> inFlight = new ConcurrentHashMap<>();
    private volatile Latencies current;
    private volatile Map<String, long[]> arrivals;

    SignalLatency(Client client, String jdbcUrl, List<CallPair> pairs) {
        this.client = client;
        this.jdbcUrl = jdbcUrl;
        this.pairs = pairs;
        for (CallPair pair : pairs) {
            pair.onCalleeEvent(this::arrived);
        }
    }

    private void arrived(CallPair pair, EventStream.Event e) {
        if (!e.type().equals("candidates") && !e.type().equals("relay")) {
            return;
        }
        Matcher m = MARKER.matcher(e.data());
        while (m.find()) {
            Sent sent = inFlight.remove(m.group(1));
            if (sent != null) {
                current.add((e.arrivedNanos() - sent.dueNanos()) / 1000);
                if (e.id() != null) {
                    arrivals.put(
                            pair.callee.username() + "/" + e.id(), new long[] {sent.dueMillis(), e.arrivedMillis()});
                }
            }
        }
    }

    /** Sends {@code rate} signals per second for {@code seconds}, spread over the pairs. */
    Run run(Path path, int rate, double seconds) throws Exception {
        current = new Latencies();
        arrivals = new ConcurrentHashMap<>();
        inFlight.clear();
        AtomicInteger failed = new AtomicInteger();
        int total = (int) Math.round(rate * seconds);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            Pacing.sleepUntil(due);
            CallPair pair = pairs.get(i % pairs.size());
            String marker = "m" + markers.incrementAndGet();
            inFlight.put(marker, new Sent(due, startMillis + (due - start) / 1_000_000));
            var response = path == Path.CDC
                    ? client.send(
                            pair.caller,
                            "POST",
                            "api/calls/" + pair.callId + "/candidates",
                            "{\"candidates\":[" + Sdp.candidate(marker, i) + "]}")
                    : client.send(
                            pair.caller,
                            "POST",
                            "api/bench/relay",
                            "{\"to\":\"" + pair.callee.username() + "\",\"data\":{\"marker\":\"" + marker + "\"}}");
            response.whenComplete((r, t) -> {
                if (t != null || r.statusCode() / 100 != 2) {
                    failed.incrementAndGet();
                    inFlight.remove(marker);
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double elapsed = Math.max(seconds, (System.nanoTime() - start) / 1e9 - 0.0);
        Map<String, Latencies> stages = path == Path.CDC ? stages() : Map.of();
        return new Run(path, rate, total, current.count(), failed.get(), elapsed, current, stages);
    }

    /**
     * The stages of each delivered CDC signal, from the timestamps the pipeline stores with every
     * user event: the source transaction's commit time (Debezium's source.ts_ms), the sink's
     * publish time, and the projection's insert time; the client adds sending and arrival.
     */
    private Map<String, Latencies> stages() throws Exception {
        Map<String, Latencies> stages = new LinkedHashMap<>();
        for (String s : List.of(
                "request_to_commit",
                "commit_to_jms_publish",
                "jms_publish_to_projection",
                "projection_to_sse_arrival")) {
            stages.put(s, new Latencies());
        }
        List<String> keys = new ArrayList<>(arrivals.keySet());
        try (Connection db = BenchDatabase.connect(jdbcUrl);
                PreparedStatement q = db.prepareStatement("""
                     SELECT cdc_commit_ms, cdc_publish_ms, (extract(epoch FROM projected_at) * 1000)::bigint
                     FROM user_event WHERE username = ? AND seq = ?""")) {
            for (String key : keys) {
                String[] parts = key.split("/");
                q.setString(1, parts[0]);
                q.setLong(2, Long.parseLong(parts[1]));
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        continue;
                    }
                    long commit = r.getLong(1), publish = r.getLong(2), projected = r.getLong(3);
                    long[] client = arrivals.get(key);
                    stages.get("request_to_commit").add(Math.max(0, commit - client[0]) * 1000);
                    stages.get("commit_to_jms_publish").add(Math.max(0, publish - commit) * 1000);
                    stages.get("jms_publish_to_projection").add(Math.max(0, projected - publish) * 1000);
                    stages.get("projection_to_sse_arrival").add(Math.max(0, client[1] - projected) * 1000);
                }
            }
        }
        return stages;
    }
}
