package org.videochat.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

/**
 * PostgreSQL is killed (SIGKILL) while signals flow at a fixed rate through the CDC path, stays
 * away for an outage, and is started again (videochat db-start). Reported: how long after the
 * database is back commands are acknowledged again, how long until every signal acknowledged
 * before the kill has arrived (the backlog drained; 0 when it had all arrived before the restart),
 * and how many acknowledged signals were lost or arrived twice.
 */
final class OutageRecovery {

    private OutageRecovery() {}

    static Map<String, Object> measure(
            Client client, List<CallPair> pairs, String home, String repo, int rate, int outageSeconds)
            throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> beforeKill = ConcurrentHashMap.newKeySet();
        AtomicLong backlogDrainedAt = new AtomicLong();
        Map<String, Integer> arrivals = new ConcurrentHashMap<>();
        AtomicLong firstAckAfterRestart = new AtomicLong();
        AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger failed = new AtomicInteger();
        for (CallPair pair : pairs) {
            pair.onCalleeEvent((p, e) -> {
                Matcher m = SignalLatency.MARKER.matcher(e.data());
                while (e.type().equals("candidates") && m.find()) {
                    arrivals.merge(m.group(1), 1, Integer::sum);
                }
                if (restartedAt.get() != Long.MAX_VALUE
                        && backlogDrainedAt.get() == 0
                        && arrivals.keySet().containsAll(beforeKill)) {
                    backlogDrainedAt.compareAndSet(0, System.nanoTime());
                }
            });
        }
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long killAt = start + TimeUnit.SECONDS.toNanos(5);
        long stopAt = Long.MAX_VALUE;
        boolean killed = false;
        for (int i = 0; System.nanoTime() < stopAt; i++) {
            long due = start + i * interval;
            Pacing.sleepUntil(due);
            if (!killed && System.nanoTime() >= killAt) {
                killed = true;
                Thread.sleep(200); // let the last answers before the kill come back
                beforeKill.addAll(acknowledged);
                kill(home);
                Thread restarter = new Thread(
                        () -> {
                            try {
                                Thread.sleep(TimeUnit.SECONDS.toMillis(outageSeconds)); // the outage itself
                                restart(repo, home);
                                restartedAt.set(System.nanoTime());
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        "database-restart");
                restarter.start();
            }
            if (restartedAt.get() != Long.MAX_VALUE && stopAt == Long.MAX_VALUE) {
                stopAt = restartedAt.get() + TimeUnit.SECONDS.toNanos(15); // keep sending a while after recovery
            }
            CallPair pair = pairs.get(i % pairs.size());
            String marker = "m" + (900_000_000 + i); // the shape SignalLatency.MARKER recognises, apart from its own
            client.send(
                            pair.caller,
                            "POST",
                            "api/calls/" + pair.callId + "/candidates",
                            "{\"candidates\":[" + Sdp.candidate(marker, i) + "]}")
                    .whenComplete((r, t) -> {
                        if (t == null && r.statusCode() / 100 == 2) {
                            acknowledged.add(marker);
                            if (restartedAt.get() != Long.MAX_VALUE) {
                                firstAckAfterRestart.compareAndSet(0, System.nanoTime());
                            }
                        } else {
                            failed.incrementAndGet();
                        }
                    });
        }
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!arrivals.keySet().containsAll(acknowledged) && System.nanoTime() < drainDeadline) {
            Thread.sleep(20);
        }
        long lost = acknowledged.stream().filter(m -> !arrivals.containsKey(m)).count();
        long duplicated = arrivals.values().stream().filter(n -> n > 1).count();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rate_per_s", rate);
        s.put("outage_s", outageSeconds);
        s.put("acknowledged", acknowledged.size());
        s.put("refused_during_outage", failed.get());
        s.put("lost", lost);
        s.put("duplicated", duplicated);
        s.put(
                "commands_acknowledged_again_after_ms",
                firstAckAfterRestart.get() == 0
                        ? -1
                        : TimeUnit.NANOSECONDS.toMillis(firstAckAfterRestart.get() - restartedAt.get()));
        s.put("acknowledged_before_the_kill", beforeKill.size());
        s.put(
                "all_of_those_delivered_after_restart_ms",
                backlogDrainedAt.get() == 0
                        ? -1
                        : Math.max(0, TimeUnit.NANOSECONDS.toMillis(backlogDrainedAt.get() - restartedAt.get())));
        return s;
    }

    private static void kill(String home) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(Path.of(home, "pgdata", "postmaster.pid"))
                .get(0)
                .trim());
        new ProcessBuilder("kill", "-KILL", Long.toString(postmaster)).start().waitFor();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(postmaster).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void restart(String repo, String home) throws Exception {
        File script = new File(repo, "server-config/bin/videochat");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Process start = new ProcessBuilder(script.getAbsolutePath(), "db-start")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(home, "bench-db-start.log")))
                    .start();
            if (start.waitFor(60, TimeUnit.SECONDS) && start.exitValue() == 0) {
                return;
            }
            Thread.sleep(500); // the killed server's shared memory may still be held for a moment
        }
        throw new IllegalStateException("PostgreSQL did not start again; see " + home + "/bench-db-start.log");
    }
}
