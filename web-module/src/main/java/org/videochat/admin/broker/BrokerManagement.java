package org.videochat.admin.broker;

import static org.videochat.platform.Jsons.JSON;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.cdc.dispatch.DeadLetters;
import org.videochat.platform.RequestRejected;

/**
 * Artemis as its management API sees it, reached by management messages over the application's
 * own JMS connection factory: no JMX port, no Jolokia, no Artemis classes in the application, so
 * it works the same on every server the EAR runs on. A request is a message to the broker's
 * management address naming a resource ({@code broker}, {@code queue.<name>}) and an operation,
 * with the parameters as a JSON array; the reply, on a temporary queue, holds the result as a
 * one-element JSON array. The broker user needs the {@code manage} permission (broker.xml).
 */
@ApplicationScoped
public class BrokerManagement {

    /** One queue's counters, as the broker keeps them since it started. */
    public record QueueStats(
            String name,
            String address,
            String routingType,
            long messages,
            long consumers,
            long added,
            long acknowledged,
            long delivering,
            long killed) {}

    /**
     * A message in the dead-letter queue: its broker id (for retry and delete), where it came from,
     * why it is there (empty when the broker put it there), its text.
     */
    public record DeadLetter(
            long id, String messageId, String originalQueue, long timestamp, String reason, String body) {}

    @Resource(name = "jms/videochat")
    ConnectionFactory connections;

    @Inject
    @ConfigProperty(name = "videochat.admin.broker-management-address")
    String managementAddress;

    @Inject
    @ConfigProperty(name = "videochat.admin.dead-letter-queue")
    String deadLetterQueue;

    @Inject
    @ConfigProperty(name = "videochat.admin.broker-addresses")
    List<String> addresses;

    @Inject
    @ConfigProperty(name = "videochat.admin.broker-timeout-ms")
    long timeoutMs;

    public String deadLetterQueue() {
        return deadLetterQueue;
    }

    /**
     * The queues bound to the application's addresses: its own queue, each node's subscription to
     * the announcement topic (a temporary queue per node), the dead-letter and expiry queues.
     */
    public List<QueueStats> queues() {
        String options = JSON.createObjectBuilder()
                .add("field", "")
                .add("operation", "")
                .add("value", "")
                .add("sortColumn", "name")
                .add("sortOrder", "asc")
                .build()
                .toString();
        JsonObject page = parse(invoke(
                "broker",
                "listQueues",
                JSON.createArrayBuilder().add(options).add(1).add(500)));
        List<QueueStats> queues = new ArrayList<>();
        for (JsonObject q : page.getJsonArray("data").getValuesAs(JsonObject.class)) {
            if (!addresses.contains(q.getString("address", ""))) {
                continue;
            }
            queues.add(new QueueStats(
                    q.getString("name"),
                    q.getString("address"),
                    q.getString("routingType", ""),
                    number(q, "messageCount"),
                    number(q, "consumerCount"),
                    number(q, "messagesAdded"),
                    number(q, "messagesAcked"),
                    number(q, "deliveringCount"),
                    number(q, "messagesKilled")));
        }
        return queues;
    }

    /**
     * The oldest {@code limit} messages of the dead-letter queue. The broker lists ids and origins;
     * the text comes from a JMS browser, matched by JMS message id.
     */
    public List<DeadLetter> deadLetters(int limit) {
        JsonArray listed = JSON.createReader(new StringReader(string(invoke(
                        "queue." + deadLetterQueue,
                        "listMessagesAsJSON",
                        JSON.createArrayBuilder().add("")))))
                .readArray();
        if (listed.isEmpty()) {
            return List.of();
        }
        Map<String, String> bodies = browse(limit);
        List<DeadLetter> letters = new ArrayList<>();
        for (JsonObject m : listed.getValuesAs(JsonObject.class)) {
            if (letters.size() == limit) {
                break;
            }
            String messageId = m.getString("userID", "");
            letters.add(new DeadLetter(
                    m.getJsonNumber("messageID").longValue(),
                    messageId,
                    m.getString("_AMQ_ORIG_QUEUE", m.getString("_AMQ_ORIG_ADDRESS", "")),
                    m.containsKey("timestamp") ? m.getJsonNumber("timestamp").longValue() : 0L,
                    m.getString(DeadLetters.REASON, ""),
                    bodies.getOrDefault(messageId, "")));
        }
        return letters;
    }

    /** Sends a dead letter back to the queue it came from; false when there is no such message. */
    public boolean retry(long id) {
        return invoke(
                        "queue." + deadLetterQueue,
                        "retryMessage",
                        JSON.createArrayBuilder().add(id))
                == JsonValue.TRUE;
    }

    /** Deletes a dead letter for good; false when there is no such message. */
    public boolean remove(long id) {
        return invoke(
                        "queue." + deadLetterQueue,
                        "removeMessage",
                        JSON.createArrayBuilder().add(id))
                == JsonValue.TRUE;
    }

    private Map<String, String> browse(int limit) {
        Map<String, String> bodies = new HashMap<>();
        try (JMSContext jms = connections.createContext();
                QueueBrowser browser = jms.createBrowser(jms.createQueue(deadLetterQueue))) {
            for (Object o : Collections.list(browser.getEnumeration())) {
                if (bodies.size() == limit) {
                    break;
                }
                Message m = (Message) o;
                bodies.put(
                        m.getJMSMessageID(),
                        m instanceof TextMessage t
                                ? t.getText()
                                : "(" + m.getClass().getSimpleName() + ")");
            }
        } catch (JMSException | JMSRuntimeException e) {
            throw unavailable(e);
        }
        return bodies;
    }

    private JsonValue invoke(String resource, String operation, JsonArrayBuilder parameters) {
        try (JMSContext jms = connections.createContext()) {
            TemporaryQueue replies = jms.createTemporaryQueue();
            TextMessage request = jms.createTextMessage(parameters.build().toString());
            request.setStringProperty("_AMQ_ResourceName", resource);
            request.setStringProperty("_AMQ_OperationName", operation);
            request.setJMSReplyTo(replies);
            jms.createProducer().send(jms.createQueue(managementAddress), request);
            Message reply = jms.createConsumer(replies).receive(timeoutMs);
            if (!(reply instanceof TextMessage text)) {
                throw new RequestRejected(
                        503, "broker-unavailable", "The broker did not answer within " + timeoutMs + " ms.");
            }
            JsonArray result =
                    JSON.createReader(new StringReader(text.getText())).readArray();
            if (!reply.getBooleanProperty("_AMQ_OperationSucceeded")) {
                throw new RequestRejected(502, "broker-refused", "The broker refused " + operation + ": " + result);
            }
            return result.isEmpty() ? JsonValue.NULL : result.get(0);
        } catch (JMSException | JMSRuntimeException e) {
            throw unavailable(e);
        }
    }

    private static RequestRejected unavailable(Exception e) {
        return new RequestRejected(
                503,
                "broker-unavailable",
                "The broker cannot be reached (" + e.getClass().getSimpleName() + ").");
    }

    private static JsonObject parse(JsonValue value) {
        return JSON.createReader(new StringReader(string(value))).readObject();
    }

    private static String string(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private static long number(JsonObject q, String field) {
        try {
            return Long.parseLong(q.getString(field, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
