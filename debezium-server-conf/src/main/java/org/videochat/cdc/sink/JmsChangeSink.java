package org.videochat.cdc.sink;

import io.debezium.DebeziumException;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.server.BaseChangeConsumer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Debezium Server sink that publishes every committed row change to one Artemis queue.
 *
 * <p>Order of operations per batch: send all messages in one JMS transaction, commit, and only
 * then mark the records processed. A crash before the commit resends the batch (at least once);
 * the broker's duplicate detection drops what it already has, and the projections are idempotent
 * for whatever slips through.
 */
@Named("jms")
@Dependent
public class JmsChangeSink extends BaseChangeConsumer
        implements DebeziumEngine.ChangeConsumer<ChangeEvent<Object, Object>> {

    private static final Logger LOG = Logger.getLogger(JmsChangeSink.class);
    private static final String PREFIX = "debezium.sink.jms.";
    /** Artemis' property for broker-side duplicate detection. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    @ConfigProperty(name = PREFIX + "url")
    String url;

    @ConfigProperty(name = PREFIX + "user", defaultValue = "")
    String user;

    @ConfigProperty(name = PREFIX + "password", defaultValue = "")
    String password;

    @ConfigProperty(name = PREFIX + "queue")
    String queue;

    @ConfigProperty(name = PREFIX + "group-by", defaultValue = "id")
    List<String> groupColumns;
    /**
     * Destinations (prefixes) whose records are not published, only marked processed, so their
     * offsets still advance the replication slot: Debezium's heartbeats and our heartbeat table.
     */
    @ConfigProperty(name = PREFIX + "skip-prefixes", defaultValue = "__debezium-heartbeat")
    List<String> skipPrefixes;

    private ActiveMQConnectionFactory factory;
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    @PostConstruct
    void connect() {
        try {
            factory = new ActiveMQConnectionFactory(url);
            connection = user.isEmpty() ? factory.createConnection() : factory.createConnection(user, password);
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            connection.start();
            LOG.infof("JMS sink connected to %s, publishing to queue %s", url, queue);
        } catch (JMSException e) {
            throw new DebeziumException("cannot connect the JMS sink to " + url, e);
        }
    }

    @PreDestroy
    void close() {
        try {
            if (connection != null) {
                connection.close();
            }
            if (factory != null) {
                factory.close();
            }
        } catch (JMSException e) {
            LOG.warn("closing the JMS sink failed", e);
        }
    }

    @Override
    public void handleBatch(
            List<ChangeEvent<Object, Object>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<Object, Object>> committer)
            throws InterruptedException {
        List<ChangeMessage> messages = new ArrayList<>(records.size());
        for (ChangeEvent<Object, Object> record : records) {
            if (record.value() == null || skipPrefixes.stream().anyMatch(record.destination()::startsWith)) {
                continue;
            }
            messages.add(ChangeMessage.of(
                    record.destination(), getString(record.key()), getString(record.value()), groupColumns));
        }
        publish(messages);
        for (ChangeEvent<Object, Object> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
    }

    private void publish(List<ChangeMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        try {
            for (ChangeMessage message : messages) {
                send(message);
            }
            session.commit();
        } catch (JMSException batchFailure) {
            rollbackQuietly();
            if (!isDuplicate(batchFailure)) {
                throw new DebeziumException("publishing " + messages.size() + " changes failed", batchFailure);
            }
            // One duplicate makes Artemis refuse the whole transaction: resend one by one so
            // that only the messages the broker already has are dropped.
            LOG.infof("batch of %d held a duplicate; resending one message per transaction", messages.size());
            publishOneByOne(messages);
        }
    }

    private void publishOneByOne(List<ChangeMessage> messages) {
        for (ChangeMessage message : messages) {
            try {
                send(message);
                session.commit();
            } catch (JMSException e) {
                rollbackQuietly();
                if (!isDuplicate(e)) {
                    throw new DebeziumException("publishing change " + message.duplicateId() + " failed", e);
                }
                LOG.debugf("broker already has %s", message.duplicateId());
            }
        }
    }

    private void send(ChangeMessage change) throws JMSException {
        TextMessage message = session.createTextMessage(change.body());
        message.setStringProperty("JMSXGroupID", change.groupId());
        message.setStringProperty(DUPLICATE_ID, change.duplicateId());
        message.setStringProperty("cdc_table", change.table());
        message.setStringProperty("cdc_op", change.operation());
        message.setLongProperty("cdc_lsn", change.lsn());
        message.setLongProperty("cdc_commit_ms", change.commitMillis());
        message.setLongProperty("cdc_publish_ms", System.currentTimeMillis());
        producer.send(message);
    }

    private void rollbackQuietly() {
        try {
            session.rollback();
        } catch (JMSException e) {
            LOG.debug("rollback after a failed send failed too", e);
        }
    }

    static boolean isDuplicate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage());
            if (text.contains("Duplicate message detected")
                    || t.getClass().getSimpleName().contains("DuplicateId")) {
                return true;
            }
        }
        return false;
    }
}
