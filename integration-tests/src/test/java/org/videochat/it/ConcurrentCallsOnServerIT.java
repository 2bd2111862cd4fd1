package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.Db;
import org.videochat.it.support.OnRunCommandServer;
import org.videochat.it.support.SseClient;
import org.videochat.it.support.Waits;

/**
 * Two pairs of people call each other at the same moment (glare) and call back, round after
 * round, in parallel. The projection takes both participants' event-log locks for every call
 * status, so calls in opposite directions between the same people are what would deadlock it if
 * it locked in caller-then-callee order. Every call's statuses arrive in order on both
 * participants' streams, every call ends the same on the command and the query side, and
 * PostgreSQL saw no deadlock.
 */
class ConcurrentCallsOnServerIT extends OnRunCommandServer {

    private static final int ROUNDS = 12;
    private static final List<String> ORDER = List.of("TRYING", "RINGING", "CONNECTED", "ENDED");
    private static final Pattern STATUS = Pattern.compile("\"callId\":\"([0-9a-f-]+)\",\"state\":\"([A-Z]+)\"");

    @Test
    void glareAndCallBacksInParallelKeepEveryCallInOrderAndConsistent() throws Exception {
        Calls calls = new Calls(uri());
        long deadlocksBefore = deadlocks();
        Map<String, SseClient> streams = new HashMap<>();
        Set<String> placed = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (String user : List.of("alice", "bob", "carol", "admin")) {
                streams.put(user, SseClient.open(uri(), user, Api.PASSWORD, null));
            }
            List<Future<?>> pairs = new ArrayList<>();
            for (String[] pair : new String[][] {{"alice", "bob"}, {"carol", "admin"}}) {
                pairs.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        glare(calls, pair[0], pair[1], placed, pool);
                        callBack(calls, pair[1], pair[0], placed);
                    }
                    return null;
                }));
            }
            for (Future<?> pair : pairs) {
                pair.get();
            }
            Map<String, Map<String, List<String>>> seen = new HashMap<>(); // user -> call -> states in arrival order
            Waits.until("every call ENDED on both participants' streams", Duration.ofSeconds(60), () -> {
                seen.clear();
                streams.forEach((user, stream) -> {
                    try {
                        for (SseClient.Event e : stream.drain(Duration.ofMillis(100))) {
                            Matcher m = STATUS.matcher(e.data());
                            if (e.type().equals("call-status") && m.find()) {
                                seen.computeIfAbsent(user, u -> new HashMap<>())
                                        .computeIfAbsent(m.group(1), c -> new ArrayList<>())
                                        .add(m.group(2));
                            }
                        }
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                });
                return placed.stream()
                        .allMatch(id -> participants(id).stream()
                                .allMatch(u -> seen.getOrDefault(u, Map.of())
                                        .getOrDefault(id, List.of())
                                        .contains("ENDED")));
            });
            for (String id : placed) {
                for (String user : participants(id)) {
                    List<String> states = seen.get(user).get(id);
                    for (int i = 1; i < states.size(); i++) {
                        assertTrue(
                                ORDER.indexOf(states.get(i - 1)) < ORDER.indexOf(states.get(i)),
                                "call " + id + " on " + user + "'s stream went " + states);
                    }
                }
                assertEquals(
                        Db.string(
                                "SELECT state || '/' || coalesce(end_reason, '') FROM call WHERE id = CAST(? AS uuid)",
                                id),
                        Db.string(
                                "SELECT state || '/' || coalesce(end_reason, '') FROM call_view WHERE id = CAST(? AS uuid)",
                                id),
                        "the command and the query side agree on call " + id);
            }
            System.out.printf(
                    "[ConcurrentCallsOnServerIT] %d calls in %d rounds of glare and call-back, 2 pairs in parallel%n",
                    placed.size(), ROUNDS);
            assertEquals(deadlocksBefore, deadlocks(), "PostgreSQL saw no deadlock");
        } finally {
            pool.shutdownNow();
            streams.values().forEach(SseClient::close);
        }
    }

    /** Both call each other at once; whatever survives is cancelled by its caller. */
    private static void glare(Calls calls, String a, String b, Set<String> placed, ExecutorService pool)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Future<String> ab = pool.submit(() -> {
            go.await();
            return calls.place(a, b);
        });
        Future<String> ba = pool.submit(() -> {
            go.await();
            return calls.place(b, a);
        });
        go.countDown();
        placed.add(ab.get());
        placed.add(ba.get());
        endOpenCalls(calls, a, b);
    }

    private static void callBack(Calls calls, String caller, String callee, Set<String> placed) throws Exception {
        placed.add(calls.place(caller, callee));
        endOpenCalls(calls, caller, callee);
    }

    private static void endOpenCalls(Calls calls, String a, String b) throws Exception {
        for (String[] open : Db.rows("SELECT CAST(id AS text), caller FROM call WHERE state <> 'ENDED' AND caller IN ('"
                + a + "', '" + b + "') AND callee IN ('" + a + "', '" + b + "')")) {
            assertEquals(200, calls.command(open[1], open[0], "cancel", null).status());
        }
    }

    private static List<String> participants(String callId) {
        try {
            return List.of(
                    Db.string("SELECT caller FROM call WHERE id = CAST(? AS uuid)", callId),
                    Db.string("SELECT callee FROM call WHERE id = CAST(? AS uuid)", callId));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long deadlocks() throws Exception {
        return Db.count("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
    }
}
