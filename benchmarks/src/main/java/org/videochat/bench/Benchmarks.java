package org.videochat.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every measurement against a stack the run command started (see "videochat bench") and
 * writes target/benchmarks/results-&lt;label&gt;.{json,md}. Mode "quick" is a smoke run of each
 * part in a couple of minutes; "full" gives the figures docs/benchmarks.md reports.
 */
public final class Benchmarks {

    private static final double P99_LIMIT_MS = 250;

    private final boolean quick = "quick".equals(System.getProperty("bench.mode", "full"));
    private final URI base = URI.create(System.getProperty("bench.url"));
    private final String jdbc = System.getProperty("bench.db");
    private final String home = System.getProperty("bench.home");
    private final Client client = new Client(base);
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final String repo = System.getProperty("bench.repo");
    /** -Dbench.only=latency,streams runs only those parts (idle, latency, setups, streams, slow, browser, outage). */
    private final List<String> only = List.of(
                    System.getProperty("bench.only", "").split(","))
            .stream()
            .filter(s -> !s.isBlank())
            .toList();

    public static void main(String[] args) throws Exception {
        new Benchmarks().runAll();
        System.exit(0); // the shared HTTP client's threads must not keep the JVM alive
    }

    private void runAll() throws Exception {
        results.put("label", System.getProperty("bench.label", "run"));
        results.put("mode", quick ? "quick" : "full");
        results.put("started", Instant.now().toString());
        results.put(
                "machine",
                Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + ", load generator on the same machine (Java "
                        + Runtime.version() + ")");
        long pid = Processes.stack(home).getOrDefault("payara-server", -1L);

        step("idle", () -> results.put("idle", IdleCost.measure(home, quick ? 15 : 60)));

        int people = 200;
        BenchUsers.create(jdbc, people);
        List<Session> sessions = BenchUsers.signIn(base, people);
        log("signed in " + sessions.size() + " people");

        step("latency", () -> signalLatency(sessions.subList(0, 100)));
        step("setups", () -> callSetups(sessions.subList(100, 200)));
        step("streams", () -> openStreams(sessions.subList(0, 100), sessions.get(199), pid));
        step("slow", () -> slowReaders(sessions.subList(0, 40), sessions.get(197), sessions.get(198)));
        step("browser", () -> results.put("browser", BrowserCallSetup.measure(base, quick ? 2 : 5)));
        // Last: it kills the database (and starts it again).
        step("outage", () -> outage(sessions.subList(40, 80)));

        results.put("errors", errors);
        Report.write(Path.of(System.getProperty("bench.out")), (String) results.get("label"), results);
    }

    private void signalLatency(List<Session> people) throws Exception {
        List<CallPair> pairs = pairs(people);
        try {
            for (CallPair p : pairs) {
                p.connect(client);
            }
            SignalLatency signals = new SignalLatency(client, jdbc, pairs);
            // The app server's JIT needs tens of thousands of requests before figures settle.
            log("warming up");
            signals.run(SignalLatency.Path.CDC, 100, quick ? 10 : 60);
            signals.run(SignalLatency.Path.DIRECT, 100, quick ? 5 : 20);

            List<Object> runs = new ArrayList<>();
            Map<String, Object> ratio = new LinkedHashMap<>();
            int[][] plan = quick ? new int[][] {{1, 5}, {50, 5}, {200, 5}} : new int[][] {{1, 60}, {50, 30}, {200, 20}};
            for (int[] rateAndSeconds : plan) {
                SignalLatency.Run cdc = signals.run(SignalLatency.Path.CDC, rateAndSeconds[0], rateAndSeconds[1]);
                SignalLatency.Run direct = signals.run(SignalLatency.Path.DIRECT, rateAndSeconds[0], rateAndSeconds[1]);
                runs.add(cdc.summary());
                runs.add(direct.summary());
                ratio.put(
                        Integer.toString(rateAndSeconds[0]),
                        Latencies.round(
                                cdc.total().percentileMs(50) / direct.total().percentileMs(50)));
                log("latency at " + rateAndSeconds[0] + "/s: cdc p50 "
                        + cdc.total().percentileMs(50) + " p99 " + cdc.total().percentileMs(99) + ", direct p50 "
                        + direct.total().percentileMs(50));
            }
            results.put("latency", runs);
            results.put("cdc_vs_direct_p50", ratio);

            List<Object> steps = new ArrayList<>();
            Map<String, Object> throughput = new LinkedHashMap<>();
            throughput.put("steps", steps);
            int[] rates = quick ? new int[] {100, 300} : new int[] {150, 250, 350, 500, 700, 1000, 1400};
            // The direct relay shows what the HTTP and SSE layers alone carry on this machine.
            for (SignalLatency.Path path : SignalLatency.Path.values()) {
                int sustained = 0;
                for (int rate : rates) {
                    SignalLatency.Run run = signals.run(path, rate, quick ? 3 : 10);
                    steps.add(run.summary());
                    log("throughput " + path + " " + rate + "/s: achieved " + Math.round(run.achievedRate()) + ", p99 "
                            + run.total().percentileMs(99));
                    if (run.received() < run.sent() || run.total().percentileMs(99) >= P99_LIMIT_MS) {
                        break;
                    }
                    sustained = rate;
                }
                // No pause needed before the next path: run() returns once every signal sent has arrived.
                throughput.put(
                        path == SignalLatency.Path.CDC ? "sustained_signals_per_s" : "direct_relay_sustained_per_s",
                        sustained);
            }
            results.put("throughput", throughput);
        } finally {
            for (CallPair p : pairs) {
                p.hangUp(client);
                p.close();
            }
        }
    }

    private void callSetups(List<Session> people) throws Exception {
        List<CallPair> pairs = pairs(people);
        try {
            CallSetups setups = new CallSetups(client, pairs);
            setups.run(5, quick ? 2 : 5);
            List<Object> steps = new ArrayList<>();
            int sustained = 0;
            int[] rates = quick ? new int[] {5, 10} : new int[] {5, 10, 20, 40, 60};
            for (int rate : rates) {
                CallSetups.Result r = setups.run(rate, quick ? 4 : 10);
                steps.add(r.summary());
                log("call set-ups " + rate + "/s: completed " + r.completed() + "/" + r.started() + ", set-up p99 "
                        + r.setup().percentileMs(99) + ", signal p99 "
                        + r.signals().percentileMs(99));
                if (r.skipped() > 0
                        || r.completed() < r.started()
                        || r.signals().percentileMs(99) >= P99_LIMIT_MS) {
                    break;
                }
                sustained = rate;
            }
            results.put("call_setups", Map.of("steps", steps, "sustained_setups_per_s", sustained));
        } finally {
            pairs.forEach(CallPair::close);
        }
    }

    private void openStreams(List<Session> people, Session changer, long pid) throws Exception {
        List<Object> levels = new ArrayList<>();
        results.put("streams", levels);
        for (int streams : quick ? new int[] {1000} : new int[] {1000, 5000, 10000}) {
            OpenStreams.Result r = OpenStreams.hold(client, people, changer, streams, pid);
            levels.add(r.summary());
            log(streams + " streams: heap " + Math.round(r.heapMiB()) + " MiB, rss " + Math.round(r.rssMiB())
                    + " MiB, fan-out max " + r.fanOut().percentileMs(100) + " ms, reached " + r.reached());
        }
    }

    /** Healthy people's signal latency while N streams of one other person do not read (N = 0, 10, 100). */
    private void slowReaders(List<Session> people, Session sender, Session stalledPerson) throws Exception {
        List<CallPair> pairs = pairs(people);
        try {
            for (CallPair p : pairs) {
                p.connect(client);
            }
            SignalLatency signals = new SignalLatency(client, jdbc, pairs);
            signals.run(SignalLatency.Path.CDC, 50, quick ? 3 : 10); // warm-up
            List<Object> levels = new ArrayList<>();
            results.put("stalled_streams", levels);
            for (int stalled : new int[] {0, 10, 100}) {
                Map<String, Object> level =
                        SlowReaders.measure(client, signals, sender, stalledPerson, stalled, 50, quick ? 5 : 20, jdbc);
                levels.add(level);
                log(stalled + " stalled streams: healthy p50 " + level.get("p50_ms") + " ms, p99 " + level.get("p99_ms")
                        + " ms, received " + level.get("received") + "/" + level.get("sent") + ", closed by the server "
                        + level.get("stalled_streams_closed_by_server"));
            }
        } finally {
            for (CallPair p : pairs) {
                p.hangUp(client);
                p.close();
            }
        }
    }

    /** Recovery from a 20 s database outage under 50 signals/s. */
    private void outage(List<Session> people) throws Exception {
        List<CallPair> pairs = pairs(people);
        try {
            for (CallPair p : pairs) {
                p.connect(client);
            }
            Map<String, Object> r = OutageRecovery.measure(client, pairs, home, repo, 50, 20);
            results.put("database_outage", r);
            log("database outage: " + r);
        } finally {
            for (CallPair p : pairs) {
                p.hangUp(client);
                p.close();
            }
        }
    }

    private List<CallPair> pairs(List<Session> people) throws InterruptedException {
        List<CallPair> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < people.size(); i += 2) {
            pairs.add(new CallPair(client, people.get(i), people.get(i + 1)));
        }
        return pairs;
    }

    private interface Step {
        void run() throws Exception;
    }

    /** One measurement; a failure is reported with the results instead of losing the others. */
    private void step(String name, Step step) {
        if (!only.isEmpty() && !only.contains(name)) {
            return;
        }
        log(name + " …");
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            errors.add(name + ": " + e);
            e.printStackTrace();
        }
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
