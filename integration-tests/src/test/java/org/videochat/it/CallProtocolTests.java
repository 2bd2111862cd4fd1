package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videochat.it.support.AgainstServer.CDC;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.Db;
import org.videochat.it.support.SseClient;
import org.videochat.it.support.Waits;

/**
 * Every transition and end reason of a 1:1 call, as the two participants see them on their
 * streams, all through the CDC path, on whichever server a subclass names. Payara Micro runs
 * with an 8 s ring timeout, the run command's server with 15 s (see the pom).
 */
interface CallProtocolTests {

    /** The application's base URI on the server under test. */
    URI uri() throws Exception;

    private static boolean status(SseClient.Event e, String callId, String state) {
        return e.type().equals("call-status")
                && e.data().contains(callId)
                && Api.parse(e.data()).getString("state").equals(state);
    }

    @Test
    default void everyTabRingsTheFirstAcceptWinsAndTheCallRunsToHangUp() throws Exception {
        Calls calls = new Calls(uri());
        try (SseClient alice = SseClient.open(uri(), "alice", Api.PASSWORD, null);
                SseClient tab1 = SseClient.open(uri(), "bob", Api.PASSWORD, null, "tab-1");
                SseClient tab2 = SseClient.open(uri(), "bob", Api.PASSWORD, null, "tab-2")) {
            String id = calls.place("alice", "bob");
            for (SseClient tab : new SseClient[] {tab1, tab2}) {
                JsonObject invite = Api.parse(tab.await(
                                e -> e.type().equals("incoming-call")
                                        && e.data().contains(id),
                                CDC)
                        .data());
                assertEquals("alice", invite.getString("caller"));
                assertTrue(invite.containsKey("ringUntil"));
            }
            // Both tabs acknowledge; the second acknowledgement is harmless.
            assertEquals(
                    "RINGING", calls.command("bob", id, "ringing", null).json().getString("state"));
            assertEquals(
                    "RINGING", calls.command("bob", id, "ringing", null).json().getString("state"));
            alice.await(e -> status(e, id, "RINGING"), CDC);

            Api.Answer accepted = calls.accept("bob", id, "tab-1");
            assertEquals(200, accepted.status(), accepted.body());
            assertEquals("CONNECTED", accepted.json().getString("state"));
            Api.Answer late = calls.accept("bob", id, "tab-2");
            assertEquals(409, late.status());
            assertEquals("already-answered", late.json().getString("code"));

            JsonObject answer = Api.parse(
                    alice.await(e -> e.type().equals("answer") && e.data().contains(id), CDC)
                            .data());
            assertEquals(Calls.ANSWER, answer.getString("sdp"));
            assertEquals(
                    "tab-1",
                    Api.parse(alice.await(e -> status(e, id, "CONNECTED"), CDC).data())
                            .getString("device"));
            tab1.await(e -> status(e, id, "CONNECTED"), CDC);
            JsonObject elsewhere = Api.parse(tab2.await(
                            e -> e.type().equals("call-status")
                                    && e.data().contains(id)
                                    && e.data().contains("answered_elsewhere"),
                            CDC)
                    .data());
            assertEquals("ENDED", elsewhere.getString("state"), "the other tab stops ringing");

            // Trickle ICE both ways, in batches.
            String batch = """
                    {"candidates":[
                      {"candidate":"candidate:1 1 udp 2122260223 192.0.2.10 50000 typ host","sdpMid":"0","sdpMLineIndex":0,"usernameFragment":"abcd"},
                      {"candidate":"candidate:2 1 tcp 1518280447 192.0.2.10 9 typ host tcptype active","sdpMid":"0","sdpMLineIndex":0},
                      {"candidate":"","sdpMid":"0"}]}""";
            assertEquals(200, calls.command("alice", id, "candidates", batch).status());
            JsonObject trickled = Api.parse(
                    tab1.await(e -> e.type().equals("candidates") && e.data().contains(id), CDC)
                            .data());
            assertEquals(3, trickled.getJsonArray("candidates").size());
            assertEquals("alice", trickled.getString("from"));
            assertEquals(
                    200,
                    calls.command(
                                    "bob",
                                    id,
                                    "candidates",
                                    "{\"candidates\":[{\"candidate\":\"candidate:3 1 udp 1 192.0.2.20 4000 typ host\",\"sdpMLineIndex\":0}]}")
                            .status());
            alice.await(e -> e.type().equals("candidates") && e.data().contains("192.0.2.20"), CDC);

            // Renegotiation (ICE restart / screen sharing): offer from bob, answer from alice.
            assertEquals(
                    200,
                    calls.command(
                                    "bob",
                                    id,
                                    "renegotiate",
                                    "{\"kind\":\"offer\",\"sdp\":\"v=0\\r\\na=ice-options:trickle\\r\\n\"}")
                            .status());
            JsonObject offer = Api.parse(
                    alice.await(e -> e.type().equals("renegotiate"), CDC).data());
            assertEquals("offer", offer.getString("kind"));
            assertEquals(
                    200,
                    calls.command("alice", id, "renegotiate", "{\"kind\":\"answer\",\"sdp\":\"v=0\\r\\n\"}")
                            .status());
            assertEquals(
                    "answer",
                    Api.parse(tab1.await(e -> e.type().equals("renegotiate"), CDC)
                                    .data())
                            .getString("kind"));

            assertEquals(
                    200,
                    calls.command("alice", id, "media", "{\"status\":\"connected\"}")
                            .status());

            Api.Answer hungUp = calls.command("alice", id, "hangup", null);
            assertEquals("ENDED", hungUp.json().getString("state"));
            for (SseClient s : new SseClient[] {alice, tab1}) {
                JsonObject ended = Api.parse(
                        s.await(e -> status(e, id, "ENDED") && e.data().contains("hangup"), CDC)
                                .data());
                assertEquals("alice", ended.getString("endedBy"));
            }
            Api.Answer again = calls.command("bob", id, "hangup", null);
            assertEquals(409, again.status());
            assertEquals("call-ended", again.json().getString("code"));
        }
    }

    @Test
    default void aDeclineFromAnyTabEndsTheCallForEveryone() throws Exception {
        Calls calls = new Calls(uri());
        try (SseClient alice = SseClient.open(uri(), "alice", Api.PASSWORD, null);
                SseClient bob = SseClient.open(uri(), "bob", Api.PASSWORD, null, "tab-9")) {
            String id = calls.place("alice", "bob");
            bob.await(e -> e.type().equals("incoming-call") && e.data().contains(id), CDC);
            assertEquals(
                    200,
                    calls.command("bob", id, "decline", "{\"detail\":\"In a meeting\"}")
                            .status());
            JsonObject ended =
                    Api.parse(alice.await(e -> status(e, id, "ENDED"), CDC).data());
            assertEquals("declined", ended.getString("reason"));
            assertEquals("In a meeting", ended.getString("detail"));
            bob.await(e -> status(e, id, "ENDED"), CDC);
            assertEquals(409, calls.accept("bob", id, "tab-9").status(), "nothing to accept any more");
        }
    }

    @Test
    default void aCancelledCallIsAMissedCallForTheCallee() throws Exception {
        Calls calls = new Calls(uri());
        String id = calls.place("carol", "bob");
        Api.Answer cancelled = calls.command("carol", id, "cancel", null);
        assertEquals("cancelled", cancelled.json().getString("reason"));
        JsonObject entry = Waits.until("history", CDC, () -> {
            JsonObject history =
                    calls.api().get("bob", Api.PASSWORD, "api/calls?limit=5").json();
            return history.getJsonArray("calls").stream()
                    .map(v -> v.asJsonObject())
                    .filter(c ->
                            c.getString("id").equals(id) && c.getString("state").equals("ENDED"))
                    .findFirst()
                    .orElse(null);
        });
        assertTrue(entry.getBoolean("missed"));
        assertEquals("incoming", entry.getString("direction"));
        assertEquals("carol", entry.getString("peer"));
        JsonObject callerSide =
                calls.api().get("carol", Api.PASSWORD, "api/calls/" + id).json();
        assertFalse(callerSide.getBoolean("missed"), "the caller did not miss anything");
    }

    @Test
    default void nobodyAnsweringEndsTheCallWithNoAnswerAndAMissedCall() throws Exception {
        Calls calls = new Calls(uri());
        try (SseClient alice = SseClient.open(uri(), "alice", Api.PASSWORD, null);
                SseClient carol = SseClient.open(uri(), "carol", Api.PASSWORD, null)) {
            String id = calls.place("alice", "carol");
            calls.command("carol", id, "ringing", null);
            // The ring timeout is 8 or 15 s (see the pom); the check runs every second from the database.
            JsonObject ended = Api.parse(alice.await(e -> status(e, id, "ENDED"), Duration.ofSeconds(30))
                    .data());
            assertEquals("no_answer", ended.getString("reason"));
            carol.await(e -> status(e, id, "ENDED") && e.data().contains("no_answer"), CDC);
            JsonObject view = Waits.until("projected", CDC, () -> {
                JsonObject c = calls.api()
                        .get("carol", Api.PASSWORD, "api/calls/" + id)
                        .json();
                return c.getString("state").equals("ENDED") ? c : null;
            });
            assertTrue(view.getBoolean("missed"));
            assertTrue(
                    calls.api().get("carol", Api.PASSWORD, "api/calls").json().getInt("missed") >= 1);
        }
    }

    @Test
    default void callingSomeoneInACallEndsAtOnceWithBusy() throws Exception {
        Calls calls = new Calls(uri());
        String first = calls.place("carol", "bob");
        assertEquals(200, calls.accept("bob", first, "desk").status());
        try (SseClient alice = SseClient.open(uri(), "alice", Api.PASSWORD, null)) {
            Api.Answer busy = calls.api().placeCall("alice", "bob");
            assertEquals(201, busy.status());
            assertEquals("ENDED", busy.json().getString("state"));
            assertEquals("busy", busy.json().getString("reason"));
            String id = busy.json().getString("id");
            alice.await(e -> status(e, id, "ENDED") && e.data().contains("busy"), CDC);
        }
        Api.Answer second = calls.api().placeCall("carol", "alice");
        assertEquals(409, second.status(), "a caller already in a call cannot place another");
        assertEquals("already-in-call", second.json().getString("code"));
    }

    @Test
    default void glareKeepsExactlyOneCallAndBothSidesLearnWhich() throws Exception {
        Calls calls = new Calls(uri());
        try (SseClient alice = SseClient.open(uri(), "alice", Api.PASSWORD, null);
                SseClient bob = SseClient.open(uri(), "bob", Api.PASSWORD, null)) {
            // Bob calls first, then Alice calls Bob: "alice" sorts first, so her call survives.
            String bobs = calls.place("bob", "alice");
            Api.Answer alices = calls.api().placeCall("alice", "bob");
            assertEquals("TRYING", alices.json().getString("state"));
            String survivor = alices.json().getString("id");
            for (SseClient s : new SseClient[] {alice, bob}) {
                JsonObject lost =
                        Api.parse(s.await(e -> status(e, bobs, "ENDED"), CDC).data());
                assertEquals("glare", lost.getString("reason"));
                assertEquals(survivor, lost.getString("replacedBy"));
            }
            bob.await(e -> e.type().equals("incoming-call") && e.data().contains(survivor), CDC);
        }
        new Calls(uri()).endAll();
        // The other order: Alice calls first, Bob's call gives way at once.
        String alices = calls.place("alice", "bob");
        Api.Answer bobs = calls.api().placeCall("bob", "alice");
        assertEquals("ENDED", bobs.json().getString("state"));
        assertEquals("glare", bobs.json().getString("reason"));
        assertEquals(alices, bobs.json().getString("replacedBy"));
    }

    @Test
    default void aMediaFailureEndsTheCallWithFailed() throws Exception {
        Calls calls = new Calls(uri());
        String id = calls.place("alice", "carol");
        calls.accept("carol", id, "laptop");
        try (SseClient alice = SseClient.open(uri(), "alice", Api.PASSWORD, null)) {
            Api.Answer failed =
                    calls.command("carol", id, "media", "{\"status\":\"failed\",\"detail\":\"ice-failed\"}");
            assertEquals("failed", failed.json().getString("reason"));
            JsonObject ended = Api.parse(
                    alice.await(e -> status(e, id, "ENDED") && e.data().contains("failed"), CDC)
                            .data());
            assertEquals("carol", ended.getString("endedBy"));
            assertEquals("ice-failed", ended.getString("detail"));
        }
    }

    @Test
    default void onlyTheRightPersonMayActOnACall() throws Exception {
        Calls calls = new Calls(uri());
        Api api = calls.api();
        String id = calls.place("alice", "bob");
        String[] actions = {"ringing", "accept", "decline", "cancel", "hangup", "candidates", "renegotiate", "media"};
        for (String action : actions) {
            assertEquals(
                    401,
                    api.post(null, "api/calls/" + id + "/" + action, "application/json", "{}")
                            .status(),
                    action + " anonymous");
            Api.Answer stranger = calls.command("carol", id, action, "{}");
            assertEquals(404, stranger.status(), action + " by someone else: " + stranger.body());
            assertEquals("unknown-call", stranger.json().getString("code"));
        }
        assertEquals(401, api.get(null, null, "api/calls/" + id).status());
        assertEquals(404, api.get("carol", Api.PASSWORD, "api/calls/" + id).status());
        for (String calleeOnly : new String[] {"ringing", "accept", "decline"}) {
            Api.Answer caller = calls.command("alice", id, calleeOnly, "{\"sdp\":\"v=0\"}");
            assertEquals(403, caller.status(), calleeOnly + " by the caller");
            assertEquals("callee-only", caller.json().getString("code"));
        }
        Api.Answer calleeCancels = calls.command("bob", id, "cancel", null);
        assertEquals(403, calleeCancels.status());
        assertEquals("caller-only", calleeCancels.json().getString("code"));
        assertEquals(
                "TRYING",
                Waits.until("projected", CDC, () -> {
                    Api.Answer a = api.get("alice", Api.PASSWORD, "api/calls/" + id);
                    return a.status() == 200 ? a.json().getString("state") : null;
                }),
                "none of that changed the call");
    }

    @Test
    default void badInputOnEveryCommandIsA4xxAndChangesNothing() throws Exception {
        Calls calls = new Calls(uri());
        String id = calls.place("alice", "bob");
        assertProblem(calls.command("bob", id, "accept", "{}"), 400, "missing-sdp");
        assertProblem(
                calls.command("bob", id, "accept", "{\"sdp\":\"v=0\",\"device\":\"not ok!\"}"), 400, "invalid-device");
        assertProblem(calls.command("bob", id, "accept", "[]"), 400, "invalid-body");
        assertProblem(
                calls.command("bob", id, "decline", "{\"detail\":\"" + "x".repeat(201) + "\"}"),
                400,
                "detail-too-long");
        assertProblem(calls.command("alice", id, "candidates", "{}"), 400, "invalid-candidates");
        assertProblem(calls.command("alice", id, "candidates", "{\"candidates\":[]}"), 400, "invalid-candidates");
        assertProblem(
                calls.command(
                        "alice", id, "candidates", "{\"candidates\":[{\"candidate\":\"hello\",\"sdpMid\":\"0\"}]}"),
                400,
                "invalid-candidates");
        assertProblem(
                calls.command("alice", id, "candidates", "{\"candidates\":[{\"candidate\":\"candidate:1\"}]}"),
                400,
                "invalid-candidates");
        assertProblem(
                calls.command(
                        "alice",
                        id,
                        "candidates",
                        "{\"candidates\":[{\"candidate\":\"candidate:1\",\"sdpMLineIndex\":\"x\"}]}"),
                400,
                "invalid-candidates");
        String many = "{\"candidates\":[" + "{\"candidate\":\"candidate:1\",\"sdpMid\":\"0\"},".repeat(50)
                + "{\"candidate\":\"candidate:1\",\"sdpMid\":\"0\"}]}";
        assertProblem(calls.command("alice", id, "candidates", many), 413, "too-many-candidates");
        assertProblem(
                calls.command(
                        "alice",
                        id,
                        "candidates",
                        "{\"candidates\":[{\"candidate\":\"candidate:" + "1".repeat(1100) + "\",\"sdpMid\":\"0\"}]}"),
                413,
                "candidate-too-large");
        assertProblem(
                calls.command("alice", id, "renegotiate", "{\"kind\":\"pranswer\",\"sdp\":\"v=0\"}"),
                400,
                "invalid-kind");
        assertProblem(
                calls.command("alice", id, "renegotiate", "{\"kind\":\"offer\",\"sdp\":\"v=0\"}"),
                409,
                "illegal-transition");
        assertProblem(calls.command("alice", id, "media", "{\"status\":\"great\"}"), 400, "invalid-status");
        assertProblem(calls.command("alice", id, "hangup", null), 409, "illegal-transition");
        assertProblem(calls.api().get("alice", Api.PASSWORD, "api/calls?limit=0"), 400, "invalid-limit");
        assertProblem(calls.api().get("alice", Api.PASSWORD, "api/calls?before=yesterday"), 400, "invalid-before");
        assertProblem(calls.api().get("alice", Api.PASSWORD, "api/events?device=%3Cscript%3E"), 400, "invalid-device");
        assertEquals(
                0,
                org.videochat.it.support.Db.count(
                        "SELECT count(*) FROM call_signal WHERE call_id = CAST(? AS uuid) AND kind <> 'offer'", id),
                "no signal was stored");
        assertEquals(
                "TRYING", org.videochat.it.support.Db.string("SELECT state FROM call WHERE id = CAST(? AS uuid)", id));
    }

    private static void assertProblem(Api.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertEquals(code, answer.json().getString("code"), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
    }

    @Test
    default void aCommandRepeatedWithItsIdempotencyKeyRunsOnce() throws Exception {
        Api api = new Api(uri());
        String place = jakarta.json.Json.createObjectBuilder()
                .add("callee", "bob")
                .add("sdp", Api.OFFER)
                .build()
                .toString();
        String key = java.util.UUID.randomUUID().toString();
        Api.Answer first = api.postOnce("alice", "api/calls", place, key);
        Api.Answer again = api.postOnce("alice", "api/calls", place, key);
        assertEquals(201, first.status(), first.body());
        assertEquals(
                201, again.status(), "the repeat answers what the first did, not already-in-call: " + again.body());
        String id = first.json().getString("id");
        assertEquals(id, again.json().getString("id"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals("true", again.header("Idempotency-Replayed"));
        assertEquals(
                1,
                org.videochat.it.support.Db.count(
                        "SELECT count(*) FROM call WHERE caller = 'alice' AND callee = 'bob' AND state <> 'ENDED'"),
                "one call, not two");

        Api.Answer otherRequest = api.postOnce(
                "alice",
                "api/calls",
                jakarta.json.Json.createObjectBuilder()
                        .add("callee", "carol")
                        .add("sdp", Api.OFFER)
                        .build()
                        .toString(),
                key);
        assertEquals(422, otherRequest.status(), otherRequest.body());
        assertEquals("idempotency-key-reused", otherRequest.json().getString("code"));

        String cancelKey = java.util.UUID.randomUUID().toString();
        Api.Answer cancelled = api.postOnce("alice", "api/calls/" + id + "/cancel", "{}", cancelKey);
        Api.Answer cancelledAgain = api.postOnce("alice", "api/calls/" + id + "/cancel", "{}", cancelKey);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals(cancelled.body(), cancelledAgain.body());
        assertEquals(
                409,
                api.postOnce(
                                "alice",
                                "api/calls/" + id + "/cancel",
                                "{}",
                                java.util.UUID.randomUUID().toString())
                        .status(),
                "a new key is a new command: the call is over");
        assertEquals(
                400,
                api.postOnce("alice", "api/calls/" + id + "/cancel", "{}", "bad key with spaces")
                        .status());
    }

    /**
     * A place-and-cancel loop must not ring a colleague as often as the server allows. The test
     * stacks allow 200 calls to one person a minute (VIDEOCHAT_CALLS_MAX_PER_PAIR_PER_MINUTE in the
     * poms); the calls of such a loop are written straight into the table, and the next one is refused.
     */
    @Test
    default void ringingTheSamePersonTooOftenIsRefusedWithRetryAfter() throws Exception {
        String caller = "rate-" + Long.toHexString(System.nanoTime());
        String callee = caller + "-callee";
        Db.createUser(caller, "Rate Caller", Api.PASSWORD);
        Db.createUser(callee, "Rate Callee", Api.PASSWORD);
        Db.execute("INSERT INTO call (id, caller, callee, state, end_reason, ended_by, ended_at) "
                + "SELECT gen_random_uuid(), '" + caller + "', '" + callee + "', 'ENDED', 'cancelled', '" + caller
                + "', now() FROM generate_series(1, 200)");
        Api api = new Api(uri());
        Api.Answer refused = api.placeCall(caller, callee);
        assertEquals(429, refused.status(), refused.body());
        assertEquals("calling-too-often", refused.json().getString("code"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(200, Db.count("SELECT count(*) FROM call WHERE caller = ?", caller), "nothing was written");
        Api.Answer back = api.placeCall(callee, caller);
        assertEquals(201, back.status(), "the other way round is another pair: " + back.body());
        api.post(callee, "api/calls/" + back.json().getString("id") + "/cancel", "application/json", "{}");
    }
}
