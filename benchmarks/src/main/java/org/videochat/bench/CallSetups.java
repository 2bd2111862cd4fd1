package org.videochat.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole call set-ups at a fixed rate, each as a browser pair does it: place with an offer, the
 * callee's page rings (ringing) and accepts with an answer, then both sides trickle three
 * batches of two ICE candidates, and the caller hangs up. A set-up is complete when both sides
 * have every candidate of the other; each signal's latency (send → arrival) is recorded too.
 */
final class CallSetups {

    private static final Pattern CALL_ID = Pattern.compile("\"callId\":\"([0-9a-f-]{36})\"");
    private static final Pattern MARKER = Pattern.compile("\"usernameFragment\":\"(s\\d+)\"");
    private static final int BATCHES = 3;

    record Result(
            int rate, int started, int completed, int skipped, double seconds, Latencies setup, Latencies signals) {
        Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("target_setups_per_s", rate);
            s.put("achieved_setups_per_s", Math.round(completed / seconds * 10) / 10.0);
            s.put("started", started);
            s.put("completed", completed);
            s.put("skipped_no_free_pair", skipped);
            s.put("setup", setup.summary());
            s.put("signal", signals.summary());
            return s;
        }
    }

    private final Client client;
    private final ConcurrentLinkedQueue<CallPair> free = new ConcurrentLinkedQueue<>();
    private final Map<CallPair, Setup> inProgress = new ConcurrentHashMap<>();
    private final Map<String, Long> candidateSent = new ConcurrentHashMap<>();
    private final AtomicInteger markers = new AtomicInteger();
    private volatile Latencies setupTimes;
    private volatile Latencies signalTimes;
    private final AtomicInteger completed = new AtomicInteger();

    CallSetups(Client client, List<CallPair> pairs) {
        this.client = client;
        for (CallPair pair : pairs) {
            free.add(pair);
            pair.onCallerEvent((p, e) -> withSetup(p, s -> s.callerHeard(e)));
            pair.onCalleeEvent((p, e) -> withSetup(p, s -> s.calleeHeard(e)));
        }
    }

    private void withSetup(CallPair pair, java.util.function.Consumer<Setup> action) {
        Setup s = inProgress.get(pair);
        if (s != null) {
            synchronized (s) {
                action.accept(s);
            }
        }
    }

    Result run(int rate, double seconds) throws Exception {
        setupTimes = new Latencies();
        signalTimes = new Latencies();
        completed.set(0);
        int total = (int) Math.round(rate * seconds);
        int skipped = 0;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            Pacing.sleepUntil(due);
            CallPair pair = free.poll();
            if (pair == null) {
                skipped++;
                continue;
            }
            Setup s = new Setup(pair, due);
            inProgress.put(pair, s);
            s.place();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!inProgress.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(rate, total - skipped, completed.get(), skipped, elapsed, setupTimes, signalTimes);
    }

    private final class Setup {
        final CallPair pair;
        final long due;
        String callId;
        long placeSent;
        long acceptSent;
        boolean ringing;
        boolean connected;
        int callerGot;
        int calleeGot;
        boolean done;
        boolean callerEnded;
        boolean calleeEnded;

        Setup(CallPair pair, long due) {
            this.pair = pair;
            this.due = due;
        }

        void place() {
            placeSent = System.nanoTime();
            client.send(
                    pair.caller,
                    "POST",
                    "api/calls",
                    "{\"callee\":\"" + pair.callee.username() + "\",\"sdp\":" + CallPair.json(Sdp.OFFER) + "}");
        }

        void calleeHeard(EventStream.Event e) {
            if (e.type().equals("incoming-call") && !ringing) {
                Matcher m = CALL_ID.matcher(e.data());
                if (!m.find()) {
                    return;
                }
                ringing = true;
                callId = m.group(1);
                signalTimes.add((e.arrivedNanos() - placeSent) / 1000);
                client.send(pair.callee, "POST", "api/calls/" + callId + "/ringing", null);
                acceptSent = System.nanoTime();
                client.send(
                                pair.callee,
                                "POST",
                                "api/calls/" + callId + "/accept",
                                "{\"sdp\":" + CallPair.json(Sdp.ANSWER) + ",\"device\":\"bench\"}")
                        .thenRun(() -> trickle(pair.callee));
            } else if (e.type().equals("candidates") && mine(e)) {
                calleeGot += arrived(e);
                maybeDone();
            } else if (e.type().equals("call-status") && mine(e) && e.data().contains("\"ENDED\"")) {
                calleeEnded = true;
                maybeFree();
            }
        }

        void callerHeard(EventStream.Event e) {
            if (!mine(e)) {
                return;
            }
            if (e.type().equals("call-status") && e.data().contains("\"CONNECTED\"") && !connected) {
                connected = true;
                signalTimes.add((e.arrivedNanos() - acceptSent) / 1000);
                trickle(pair.caller);
            } else if (e.type().equals("candidates")) {
                callerGot += arrived(e);
                maybeDone();
            } else if (e.type().equals("call-status") && e.data().contains("\"ENDED\"")) {
                callerEnded = true;
                maybeFree();
            }
        }

        boolean mine(EventStream.Event e) {
            return callId != null && e.data().contains(callId);
        }

        int arrived(EventStream.Event e) {
            Matcher m = MARKER.matcher(e.data());
            int batches = 0;
            while (m.find()) {
                Long sent = candidateSent.remove(m.group(1));
                if (sent != null) {
                    signalTimes.add((e.arrivedNanos() - sent) / 1000);
                    batches++;
                }
            }
            return batches;
        }

        void trickle(Session from) {
            for (int b = 0; b < BATCHES; b++) {
                String marker = "s" + markers.incrementAndGet();
                candidateSent.put(marker, System.nanoTime());
                client.send(
                        from,
                        "POST",
                        "api/calls/" + callId + "/candidates",
                        "{\"candidates\":[" + Sdp.candidate(marker, b) + "," + Sdp.candidate(marker, b + 100) + "]}");
            }
        }

        void maybeDone() {
            if (!done && callerGot >= BATCHES && calleeGot >= BATCHES) {
                done = true;
                setupTimes.add((System.nanoTime() - due) / 1000);
                completed.incrementAndGet();
                client.send(pair.caller, "POST", "api/calls/" + callId + "/hangup", null);
            }
        }

        void maybeFree() {
            if (callerEnded && calleeEnded) {
                inProgress.remove(pair);
                free.add(pair);
            }
        }
    }
}
