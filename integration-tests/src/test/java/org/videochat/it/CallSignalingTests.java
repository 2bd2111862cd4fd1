package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videochat.it.support.AgainstServer.CDC;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.Db;
import org.videochat.it.support.SseClient;
import org.videochat.it.support.Waits;

/**
 * The signaling flow and its stream guarantees (replay, resync, validation) on whichever server
 * a subclass names, through the real CDC pipeline:
 * REST command → PostgreSQL → Debezium Server → Artemis → MDB projection → SSE.
 */
interface CallSignalingTests {

    /** The application's base URI on the server under test. */
    URI uri() throws Exception;

    @Test
    default void calleeStreamReceivesTheIncomingCallAndCallerStreamItsStatus() throws Exception {
        Api api = new Api(uri());
        try (SseClient bob = SseClient.open(uri(), "bob", Api.PASSWORD, null);
                SseClient alice = SseClient.open(uri(), "alice", Api.PASSWORD, null)) {
            assertTrue(bob.contentType().startsWith("text/event-stream"), bob.contentType());

            Api.Answer placed = api.placeCall("alice", "bob");
            assertEquals(201, placed.status(), placed.body());
            String callId = placed.json().getString("id");
            assertEquals("TRYING", placed.json().getString("state"));

            SseClient.Event invite =
                    bob.await(e -> e.type().equals("incoming-call") && e.data().contains(callId), CDC);
            JsonObject data = Api.parse(invite.data());
            assertEquals(callId, data.getString("callId"));
            assertEquals("alice", data.getString("caller"));
            assertEquals("Alice Kim", data.getString("callerName"));
            assertEquals(Api.OFFER, data.getString("sdp"));
            assertTrue(Long.parseLong(invite.id()) > 0, "event ids are the user's sequence numbers");
            assertEquals("2000", bob.retry(), "the server tells EventSource how soon to reconnect");

            SseClient.Event status =
                    alice.await(e -> e.type().equals("call-status") && e.data().contains(callId), CDC);
            bob.await(e -> e.type().equals("call-status") && e.data().contains(callId), CDC);
            assertEquals("TRYING", Api.parse(status.data()).getString("state"));
            assertFalse(
                    alice.seen().stream().anyMatch(e -> e.type().equals("incoming-call")),
                    "the caller is not invited to her own call");

            // The query side knows the call, for its participants only.
            JsonObject view = Waits.until("call view", CDC, () -> {
                Api.Answer a = api.get("bob", Api.PASSWORD, "api/calls/" + callId);
                return a.status() == 200 ? a.json() : null;
            });
            assertEquals("TRYING", view.getString("state"));
            assertEquals("alice", view.getString("caller"));
            assertEquals(
                    404, api.get("carol", Api.PASSWORD, "api/calls/" + callId).status(), "not a participant");
        }
    }

    @Test
    default void reconnectingWithLastEventIdReplaysWhatWasMissedExactlyOnceInOrder() throws Exception {
        Calls calls = new Calls(uri());
        String lastSeen;
        try (SseClient bob = SseClient.open(uri(), "bob", Api.PASSWORD, null)) {
            String first = calls.place("carol", "bob");
            lastSeen = bob.await(
                            e -> e.type().equals("incoming-call") && e.data().contains(first), CDC)
                    .id();
            calls.command("carol", first, "cancel", null);
            lastSeen = bob.await(e -> e.data().contains(first) && e.data().contains("cancelled"), CDC)
                    .id();
        }
        // Bob is offline while another call comes and goes, and a third one rings.
        String second = calls.place("alice", "bob");
        assertEquals(200, calls.command("alice", second, "cancel", null).status());
        String third = calls.place("carol", "bob");

        try (SseClient bob = SseClient.open(uri(), "bob", Api.PASSWORD, lastSeen)) {
            bob.await(e -> e.type().equals("incoming-call") && e.data().contains(third), CDC);
            // Live events continue on the same connection after the replay: the seam.
            calls.command("carol", third, "cancel", null);
            bob.await(e -> e.data().contains(third) && e.data().contains("cancelled"), CDC);
            // Presence events carry no id (they are state, not replayed): the log's events are the rest.
            List<SseClient.Event> got = bob.drain(Duration.ofMillis(500)).stream()
                    .filter(e -> e.id() != null)
                    .toList();

            long previous = Long.parseLong(lastSeen);
            for (SseClient.Event e : got) {
                assertEquals(
                        previous + 1, Long.parseLong(e.id()), "ids follow each other without gaps or repeats: " + got);
                previous = Long.parseLong(e.id());
            }
            assertEquals(List.of("call-status:TRYING", "incoming-call", "call-status:ENDED"), story(got, second));
            assertEquals(List.of("call-status:TRYING", "incoming-call", "call-status:ENDED"), story(got, third));
            assertEquals(6, got.size(), "nothing from before Last-Event-ID, nothing twice: " + got);
        }
    }

    /** The events of one call, in stream order, as type (and state for status events). */
    private static List<String> story(List<SseClient.Event> events, String callId) {
        return events.stream()
                .filter(e -> callId.equals(Api.parse(e.data()).getString("callId", null)))
                .map(e -> e.type().equals("call-status")
                        ? "call-status:" + Api.parse(e.data()).getString("state")
                        : e.type())
                .toList();
    }

    @Test
    default void aLastEventIdOlderThanRetentionAsksTheClientToResync() throws Exception {
        Calls calls = new Calls(uri());
        String id;
        try (SseClient carol = SseClient.open(uri(), "carol", Api.PASSWORD, null)) {
            id = calls.place("alice", "carol");
            carol.await(e -> e.type().equals("incoming-call") && e.data().contains(id), CDC);
        }
        // What retention does after its period: everything up to now is gone.
        long last = Db.count("SELECT last_seq FROM user_stream WHERE username = 'carol'");
        try (var c = Db.connect();
                var s = c.prepareStatement("UPDATE user_stream SET pruned_through = ? WHERE username = 'carol'")) {
            s.setLong(1, last);
            s.executeUpdate();
        }
        try (SseClient carol = SseClient.open(uri(), "carol", Api.PASSWORD, "1")) {
            SseClient.Event resync = carol.await(e -> true, CDC);
            assertEquals("resync", resync.type());
            long newest = Long.parseLong(resync.id());
            assertTrue(newest >= last, "the stream goes on from the newest event");
            calls.command("alice", id, "cancel", null);
            SseClient.Event next = carol.await(e -> e.type().equals("call-status"), CDC);
            assertTrue(Long.parseLong(next.id()) > newest, "live events continue after the newest one");
            assertEquals(Long.toString(newest + 1), carol.seen().get(1).id(), "no gap after the resync");
        }
    }

    @Test
    default void badInputGetsAPreciseProblemAndChangesNothing() throws Exception {
        Api api = new Api(uri());
        long callsBefore = Db.count("SELECT count(*) FROM call");
        assertProblem(api.get(null, null, "api/events"), 401, "unauthenticated");
        assertProblem(api.get("alice", "wrong-password", "api/events"), 401, "unauthenticated");
        assertProblem(
                api.post("alice", "api/calls", "application/json", "{\"callee\":\"nobody-here\",\"sdp\":\"v=0\"}"),
                422,
                "unknown-callee");
        assertProblem(
                api.post("alice", "api/calls", "application/json", "{\"callee\":\"alice\",\"sdp\":\"v=0\"}"),
                422,
                "self-call");
        assertProblem(api.post("alice", "api/calls", "application/json", "{\"callee\":\"bob\"}"), 400, "missing-sdp");
        assertProblem(
                api.post("alice", "api/calls", "application/json", "{\"callee\":\"bob\",\"sdp\":\"hello\"}"),
                400,
                "invalid-sdp");
        assertProblem(
                api.post("alice", "api/calls", "application/json", "{\"callee\":\"bob\",\"sdp\":42}"),
                400,
                "invalid-field");
        assertProblem(
                api.post("alice", "api/calls", "application/json", "{\"callee\":\"bob\",\"sdp\":"),
                400,
                "invalid-json");
        assertProblem(api.post("alice", "api/calls", "application/json", "[1,2]"), 400, "invalid-body");
        assertProblem(api.post("alice", "api/calls", "text/plain", "hi"), 415, "unsupported-media-type");
        String bigSdp = "v=0\\r\\n" + "a=x".repeat(23_000);
        assertProblem(
                api.post("alice", "api/calls", "application/json", "{\"callee\":\"bob\",\"sdp\":\"" + bigSdp + "\"}"),
                413,
                "sdp-too-large");
        assertProblem(
                api.post(
                        "alice",
                        "api/calls",
                        "application/json",
                        "{\"callee\":\"bob\",\"sdp\":\"" + "x".repeat(300_000) + "\"}"),
                413,
                "request-too-large");
        assertProblem(api.get("alice", Api.PASSWORD, "api/calls/not-a-uuid"), 404, "unknown-call");
        assertProblem(
                api.get("alice", Api.PASSWORD, "api/calls/00000000-0000-0000-0000-000000000000"), 404, "unknown-call");
        // Values the database would refuse (NUL, dates out of its range) are refused first, as 400.
        assertProblem(
                api.post("alice", "api/calls", "application/json", "{\"callee\":\"b\\u0000ob\",\"sdp\":\"v=0\"}"),
                400,
                "invalid-field");
        assertProblem(api.get("alice", Api.PASSWORD, "api/people?q=a%00b"), 400, "invalid-query");
        assertProblem(
                api.get("alice", Api.PASSWORD, "api/calls?before=%2B999999999-12-31T23:59:59Z"), 400, "invalid-before");
        assertProblem(api.get("al\u0000ice", Api.PASSWORD, "api/me"), 401, "unauthenticated");
        assertEquals(callsBefore, Db.count("SELECT count(*) FROM call"), "no call was written by a rejected request");
    }

    @Test
    default void aMalformedLastEventIdIsRejected() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(uri().resolve("api/events"))
                .header("Authorization", Api.basic("bob", Api.PASSWORD))
                .header("Last-Event-ID", "12abc")
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        var response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertProblem(
                new Api.Answer(
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.body()),
                400,
                "invalid-last-event-id");
    }

    private static void assertProblem(Api.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        JsonObject problem = answer.json();
        assertEquals(code, problem.getString("code"), answer.body());
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("type").endsWith("/" + code));
        assertFalse(answer.body().contains("Exception"), "no internals in a problem body: " + answer.body());
    }
}
