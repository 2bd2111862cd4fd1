package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Db;
import org.videochat.it.support.OnPayaraMicro;
import org.videochat.it.support.Secrets;
import org.videochat.it.support.SseClient;
import org.videochat.it.support.Waits;

/**
 * CDC delivery is at least once: Debezium replays from its last stored offset after a crash,
 * and a transaction can be redelivered by the broker. These tests deliver the same captured
 * change twice (without a duplicate-detection id, so the broker passes both) and check that the
 * projection applies it once.
 */
class ProjectionIdempotencyIT extends OnPayaraMicro {

    @Test
    void aRedeliveredOfferIsProjectedOnce() throws Exception {
        Api api = new Api(base.toURI());
        String callId = api.placeCall("alice", "bob").json().getString("id");
        Waits.until(
                "call projected",
                CDC,
                () -> api.get("bob", Api.PASSWORD, "api/calls/" + callId).status() == 200);

        long lsn = syntheticLsn();
        String change = signalInsert(callId, lsn);
        try (SseClient bob = SseClient.open(base.toURI(), "bob", Api.PASSWORD, null)) {
            publishTwice(change, callId);
            bob.await(e -> e.type().equals("incoming-call") && e.data().contains("a=redelivered"), CDC);
            waitUntilQueueDrained();
            List<SseClient.Event> events = bob.drain(Duration.ofMillis(500));
            assertEquals(
                    1,
                    events.stream()
                            .filter(e -> e.data().contains("a=redelivered"))
                            .count(),
                    "one event for one change");
        }
        assertEquals(
                1,
                Db.count(
                        "SELECT count(*) FROM user_event WHERE source_key = ?",
                        "call_signal:" + lsn + ":incoming-call"));
    }

    @Test
    void aChangeNoProjectionCanReadEndsInTheDeadLetterQueueAndTheFlowGoesOn() throws Exception {
        String poison = "not a change event " + System.nanoTime();
        try (var factory = new ActiveMQConnectionFactory(System.getProperty("it.artemis.url"));
                Connection connection = factory.createConnection("videochat", Secrets.artemisPassword())) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("videochat.cdc"));
            TextMessage message = session.createTextMessage(poison);
            message.setStringProperty("JMSXGroupID", "poison");
            producer.send(message);

            Queue dlq = session.createQueue("DLQ");
            Waits.until("poison message in the DLQ", Duration.ofSeconds(60), () -> {
                try (QueueBrowser browser = session.createBrowser(dlq)) {
                    var messages = browser.getEnumeration();
                    while (messages.hasMoreElements()) {
                        if (poison.equals(((TextMessage) messages.nextElement()).getText())) {
                            return true;
                        }
                    }
                    return false;
                }
            });
        }
        // Other calls were never held up by it.
        Api api = new Api(base.toURI());
        try (SseClient carol = SseClient.open(base.toURI(), "carol", Api.PASSWORD, null)) {
            String id = api.placeCall("bob", "carol").json().getString("id");
            carol.await(e -> e.type().equals("incoming-call") && e.data().contains(id), CDC);
        }
    }

    @Test
    void anOlderCallChangeNeverOverwritesANewerOne() throws Exception {
        Api api = new Api(base.toURI());
        String callId = api.placeCall("carol", "alice").json().getString("id");
        Waits.until(
                "call and invite projected",
                CDC,
                () -> Db.count("SELECT count(*) FROM user_event WHERE call_id = CAST(? AS uuid)", callId) == 3);

        // An "ENDED" change from a WAL position before the one already applied: a stale replay.
        long eventsBefore = Db.count("SELECT count(*) FROM user_event WHERE call_id = CAST(? AS uuid)", callId);
        publishTwice(callUpdate(callId, "ENDED", 1L), callId);
        waitUntilQueueDrained();
        assertEquals("TRYING", Db.string("SELECT state FROM call_view WHERE id = CAST(? AS uuid)", callId));
        assertEquals(
                eventsBefore,
                Db.count("SELECT count(*) FROM user_event WHERE call_id = CAST(? AS uuid)", callId),
                "a stale change tells nobody anything");
    }

    private static long syntheticLsn() {
        // Far beyond any real position of the test database, unique per run.
        return 1L << 50 | (System.nanoTime() & 0xFFFFFFFFL);
    }

    private static String signalInsert(String callId, long lsn) {
        var after = Json.createObjectBuilder()
                .add("id", 1_000_000_000L + (lsn & 0xFFFFF))
                .add("call_id", callId)
                .add("sender", "alice")
                .add("recipient", "bob")
                .add("kind", "offer")
                .add("payload", Api.OFFER + "a=redelivered\r\n")
                .add("created_at", Instant.now().toString());
        return envelope("call_signal", lsn, "c", null, after.build());
    }

    private static String callUpdate(String callId, String state, long lsn) {
        var row = Json.createObjectBuilder()
                .add("id", callId)
                .add("caller", "carol")
                .add("callee", "alice")
                .add("state", state)
                .add("end_reason", "cancelled")
                .addNull("ended_by")
                .addNull("end_detail")
                .addNull("answered_device")
                .addNull("answered_at")
                .addNull("ended_at")
                .addNull("replaced_by")
                .add("created_at", Instant.now().toString())
                .add("updated_at", Instant.now().toString())
                .add("version", 1)
                .build();
        return envelope("call", lsn, "u", null, row);
    }

    private static String envelope(
            String table, long lsn, String op, jakarta.json.JsonObject before, jakarta.json.JsonObject after) {
        var event = Json.createObjectBuilder()
                .add(
                        "source",
                        Json.createObjectBuilder()
                                .add("table", table)
                                .add("lsn", lsn)
                                .add("ts_ms", System.currentTimeMillis()))
                .add("op", op)
                .add("after", after);
        if (before == null) {
            event.addNull("before");
        } else {
            event.add("before", before);
        }
        return event.build().toString();
    }

    private static void publishTwice(String body, String group) throws Exception {
        try (var factory = new ActiveMQConnectionFactory(System.getProperty("it.artemis.url"));
                Connection connection = factory.createConnection("videochat", Secrets.artemisPassword())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("videochat.cdc"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < 2; i++) {
                TextMessage message = session.createTextMessage(body);
                message.setStringProperty("JMSXGroupID", group);
                message.setLongProperty("cdc_publish_ms", System.currentTimeMillis());
                producer.send(message);
            }
        }
    }

    private static void waitUntilQueueDrained() throws Exception {
        try (var factory = new ActiveMQConnectionFactory(System.getProperty("it.artemis.url"));
                Connection connection = factory.createConnection("videochat", Secrets.artemisPassword())) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("videochat.cdc");
            Waits.until("change queue drained", CDC, () -> {
                try (QueueBrowser browser = session.createBrowser(queue)) {
                    return !browser.getEnumeration().hasMoreElements();
                }
            });
        }
    }

    /**
     * The migrations keep the query side's table equal to the command side's: every column of
     * {@code call} but the optimistic-lock version is in {@code call_view}, which adds only the
     * LSN of the change it last applied (CallViewColumnsTest checks the entities and the upsert).
     */
    @Test
    void theViewTableHasEveryColumnOfTheCallTable() throws Exception {
        String columns =
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '%s'";
        java.util.Set<String> call = new java.util.TreeSet<>();
        Db.rows(columns.formatted("call")).forEach(r -> call.add(r[0]));
        java.util.Set<String> view = new java.util.TreeSet<>();
        Db.rows(columns.formatted("call_view")).forEach(r -> view.add(r[0]));
        call.remove("version");
        call.add("source_lsn");
        assertEquals(call, view);
    }
}
