package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Browser;
import org.videochat.it.support.Calls;
import org.videochat.it.support.Db;
import org.videochat.it.support.OnRunCommandServer;
import org.videochat.it.support.Secrets;
import org.videochat.it.support.SseClient;
import org.videochat.it.support.Waits;

/**
 * The operators' API behind the console, against the real pipeline: the change-data-capture
 * panel measures every stage, a call's trace shows each event passing each stage, the broker view
 * lists the application's queues with live counters, a poisoned message can be deleted from the
 * dead-letter queue, and a person can be signed out everywhere.
 */
class AdminOperationsIT extends OnRunCommandServer {

    private final Api api = new Api(server);
    private final Calls calls = new Calls(server);

    @Test
    void theChangeCapturePanelMeasuresEveryStage() throws Exception {
        long start = System.currentTimeMillis();
        try (SseClient bob = SseClient.open(server, "bob", Api.PASSWORD, null)) {
            String id = calls.place("alice", "bob");
            bob.await(e -> e.type().equals("incoming-call") && e.data().contains(id), CDC);
        }
        JsonObject cdc = admin("api/admin/cdc");
        assertEquals("UP", cdc.getJsonObject("debezium").getString("status"), cdc.toString());
        JsonObject slot = cdc.getJsonObject("slot");
        assertTrue(slot.getBoolean("exists") && slot.getBoolean("active"), slot.toString());
        assertTrue(
                slot.getJsonNumber("lagBytes").longValue() >= 0
                        && slot.getJsonNumber("lagMs").longValue() >= 0,
                slot.toString());
        assertTrue(
                cdc.getJsonObject("lastChange").getJsonNumber("projectedAt").longValue() >= start - 1000,
                cdc.toString());
        JsonObject window = cdc.getJsonObject("window");
        assertTrue(
                window.getJsonNumber("events").longValue() >= 2
                        && window.getJsonNumber("changesPerSecond").doubleValue() > 0,
                window.toString());
        for (String stage : List.of("commitToPublish", "publishToProjection", "projectionToSse")) {
            JsonObject s = window.getJsonObject(stage);
            assertTrue(s.getInt("count") > 0, stage + " measured: " + s);
            assertTrue(s.getInt("p95") >= s.getInt("p50") && s.getInt("p50") >= 0, stage + ": " + s);
        }
    }

    /**
     * On a quiet day only the query side writes (stream heartbeats, logins), which Debezium does
     * not capture; its heartbeat row still lets it confirm the newer WAL, so the slot's lag stays
     * small and readiness stays UP.
     */
    @Test
    void theSlotKeepsUpWhileOnlyUncapturedTablesChange() throws Exception {
        Db.execute("UPDATE app_user SET display_name = display_name WHERE username = 'alice'");
        String written = Db.string("SELECT pg_current_wal_lsn()::text");
        Waits.until(
                "Debezium confirms the WAL written after " + written,
                Duration.ofSeconds(40),
                () -> Db.count(
                                "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'videochat' AND confirmed_flush_lsn >= CAST(? AS pg_lsn)",
                                written)
                        == 1);
    }

    @Test
    void aCallsTraceShowsEachEventPassingEachStage() throws Exception {
        try (SseClient bob = SseClient.open(server, "bob", Api.PASSWORD, null)) {
            String id = calls.place("alice", "bob");
            String seq = bob.await(
                            e -> e.type().equals("incoming-call") && e.data().contains(id), CDC)
                    .id();

            JsonObject trace = admin("api/admin/calls/" + id + "/trace");
            assertEquals(id, trace.getJsonObject("call").getString("id"));
            JsonObject ringing = trace.getJsonArray("events").stream()
                    .map(v -> v.asJsonObject())
                    .filter(e -> e.getString("username").equals("bob")
                            && e.getString("type").equals("incoming-call"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no incoming-call for bob in " + trace));
            assertEquals(Long.parseLong(seq), ringing.getJsonNumber("seq").longValue(), "the id bob's stream received");
            long committed = ringing.getJsonNumber("committedAt").longValue();
            long published = ringing.getJsonNumber("publishedAt").longValue();
            long projected = ringing.getJsonNumber("projectedAt").longValue();
            long delivered = ringing.getJsonNumber("deliveredAt").longValue();
            assertTrue(committed <= published && published <= projected && projected <= delivered, ringing.toString());
            assertTrue(
                    trace.getJsonArray("events").stream()
                            .anyMatch(
                                    e -> e.asJsonObject().getString("username").equals("alice")),
                    "the caller's events are in the trace too: " + trace);
        }
        assertEquals(
                404,
                api.get("admin", Api.PASSWORD, "api/admin/calls/" + UUID.randomUUID() + "/trace")
                        .status());
    }

    @Test
    void theBrokerViewCountsTheApplicationsQueues() throws Exception {
        JsonObject before = queue(admin("api/admin/broker"), "videochat.cdc");
        assertTrue(before.getInt("consumers") > 0, "the projection listens: " + before);
        JsonObject broker = admin("api/admin/broker");
        assertTrue(
                broker.getJsonArray("queues").stream()
                        .map(v -> v.asJsonObject())
                        .anyMatch(q ->
                                q.getString("address").equals("videochat.user-events") && q.getInt("consumers") == 1),
                "this node's subscription: " + broker);
        assertEquals("DLQ", broker.getString("deadLetterQueue"));
        assertTrue(
                broker.getJsonArray("queues").stream()
                        .noneMatch(q -> q.asJsonObject().getString("address").startsWith("activemq.")),
                "no broker internals: " + broker);

        calls.place("alice", "bob");
        Waits.until(
                "the call's changes counted",
                CDC,
                () -> queue(admin("api/admin/broker"), "videochat.cdc")
                                .getJsonNumber("acknowledged")
                                .longValue()
                        >= before.getJsonNumber("acknowledged").longValue() + 2);
    }

    @Test
    void aPoisonedMessageIsDeadLetteredAndCanBeDeleted() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        try (var factory = new ActiveMQConnectionFactory(System.getProperty("it.artemis.url"));
                Connection connection = factory.createConnection("videochat", Secrets.artemisPassword())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("videochat.cdc"))
                    .send(session.createTextMessage("{not a change " + marker));
        }
        JsonObject letter = Waits.until(
                "the poisoned message in the dead-letter queue",
                CDC,
                () -> admin("api/admin/broker").getJsonArray("deadLetters").stream()
                        .map(v -> v.asJsonObject())
                        .filter(d -> d.getString("body").contains(marker))
                        .findFirst()
                        .orElse(null));
        assertEquals("videochat.cdc", letter.getString("originalQueue"));
        long id = letter.getJsonNumber("id").longValue();

        assertEquals(
                403,
                api.send("bob", "DELETE", "api/admin/broker/dead-letters/" + id, "")
                        .status());
        assertEquals(
                204,
                api.send("admin", "DELETE", "api/admin/broker/dead-letters/" + id, "")
                        .status());
        assertTrue(
                admin("api/admin/broker").getJsonArray("deadLetters").stream()
                        .noneMatch(d -> d.asJsonObject().getString("body").contains(marker)),
                "gone for good");
        assertEquals(
                404,
                api.send("admin", "DELETE", "api/admin/broker/dead-letters/" + id, "")
                        .status());
        assertEquals(
                404,
                api.post("admin", "api/admin/broker/dead-letters/" + id + "/retry", "application/json", "{}")
                        .status());
    }

    @Test
    void aPersonSignedOutEverywhereLosesTheirSessionAndStreams() throws Exception {
        Browser bob = new Browser(server);
        assertEquals(302, bob.signIn("bob", Api.PASSWORD).statusCode());
        try (SseClient stream = SseClient.withSession(server, bob.sessionCookie())) {
            String id = calls.place("alice", "bob");
            stream.await(e -> e.type().equals("incoming-call") && e.data().contains(id), CDC);
            assertEquals(
                    403,
                    api.post("carol", "api/admin/people/bob/sign-out", "application/json", "{}")
                            .status());
            assertEquals(
                    404,
                    api.post(
                                    "admin",
                                    "api/admin/people/nobody-"
                                            + UUID.randomUUID().toString().substring(0, 8) + "/sign-out",
                                    "application/json",
                                    "{}")
                            .status());

            Api.Answer asked = api.post("admin", "api/admin/people/bob/sign-out", "application/json", "{}");
            assertEquals(202, asked.status(), asked.body());
            Waits.until("the server closed bob's stream", CDC, stream::isClosedByServer);
        }
        Waits.until("bob's session is over", CDC, () -> bob.get("api/me").statusCode() == 401);
        assertEquals(302, bob.signIn("bob", Api.PASSWORD).statusCode(), "signing in again works");
        assertEquals(200, bob.get("api/me").statusCode());
    }

    private JsonObject admin(String path) throws Exception {
        Api.Answer answer = api.get("admin", Api.PASSWORD, path);
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static JsonObject queue(JsonObject broker, String name) {
        return broker.getJsonArray("queues").stream()
                .map(v -> v.asJsonObject())
                .filter(q -> q.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no queue " + name + " in " + broker));
    }
}
