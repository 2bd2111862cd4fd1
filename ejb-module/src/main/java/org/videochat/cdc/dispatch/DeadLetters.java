package org.videochat.cdc.dispatch;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts a change that can never be projected into the dead-letter queue at once, with the reason
 * (message property {@value #REASON}) that the operations console shows. It carries Artemis's
 * "original queue" properties, so the console's Retry sends it back where it came from, and no
 * duplicate-detection id, so the broker takes it back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLetters {

    public static final String REASON = "videochat_dead_letter_reason";

    @Resource(name = "jms/videochat")
    ConnectionFactory connections;

    @Inject
    @ConfigProperty(name = "videochat.admin.dead-letter-queue")
    String deadLetterQueue;

    public void send(Message original, String reason) throws JMSException {
        try (JMSContext jms = connections.createContext()) {
            String text = original instanceof TextMessage t ? t.getText() : String.valueOf(original);
            String from = ((Queue) original.getJMSDestination()).getQueueName();
            JMSProducer producer = jms.createProducer()
                    .setProperty("_AMQ_ORIG_ADDRESS", from)
                    .setProperty("_AMQ_ORIG_QUEUE", from)
                    .setProperty(REASON, reason);
            for (String name : new String[] {"JMSXGroupID", "cdc_publish_ms"}) {
                if (original.propertyExists(name)) {
                    producer.setProperty(name, original.getObjectProperty(name));
                }
            }
            producer.send(jms.createQueue(deadLetterQueue), text);
        }
    }
}
