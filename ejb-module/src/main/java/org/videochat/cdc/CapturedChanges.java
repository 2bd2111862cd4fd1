package org.videochat.cdc;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.videochat.call.projection.CallProjection;
import org.videochat.presence.projection.PresenceProjection;
import org.videochat.signaling.UserEventAnnouncer;

import java.util.logging.Logger;

/**
 * Receives the row changes Debezium Server publishes to the {@code videochat.cdc} queue and hands
 * each to the projection of its table, which commits its own database transaction. Then the
 * users with new events are announced (presence is broadcast) and the message is acknowledged.
 * No XA: a failure before the acknowledgement makes the broker redeliver (and dead-letter after
 * its maximum attempts), which is harmless because the projections are idempotent; a lost
 * announcement is covered by the streams' catch-up at every heartbeat. Artemis message groups
 * (JMSXGroupID = call id) keep the changes of one call in order across the parallel sessions.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "videochat.cdc"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CapturedChanges implements MessageListener {

    private static final Logger LOG = Logger.getLogger(CapturedChanges.class.getName());

    @Inject
    CallProjection calls;

    @Inject
    PresenceProjection presence;

    @Inject
    UserEventAnnouncer announcer;

    @Override
    public void onMessage(Message message) {
        CapturedChange change;
        try {
            long publishMs = message.propertyExists("cdc_publish_ms") ? message.getLongProperty("cdc_publish_ms") : 0L;
            change = CapturedChange.parse(((TextMessage) message).getText(), publishMs);
        } catch (JMSException | RuntimeException e) {
            // Roll back: the broker retries a few times, then moves the message to the dead-letter
            // queue, where an operator can inspect it. Nothing is silently dropped.
            LOG.severe("unreadable change message, leaving it to redelivery and the DLQ: " + e);
            throw new IllegalStateException("unreadable change message", e);
        }
        switch (change.table()) {
            case "call" -> announcer.announce(calls.onCallChanged(change));
            case "call_signal" -> announcer.announce(calls.onSignalAdded(change));
            case "presence" -> {
                String event = presence.onPresenceChanged(change);
                if (event != null) {
                    announcer.broadcastPresence(event);
                }
            }
            default -> LOG.warning(() -> "no projection for captured table " + change.table());
        }
    }
}
