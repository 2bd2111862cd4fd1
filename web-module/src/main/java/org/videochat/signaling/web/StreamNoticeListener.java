package org.videochat.signaling.web;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;
import org.videochat.security.SignOuts;
import org.videochat.signaling.StreamNotices;

/**
 * Hears "these users have new events" (one username per line) and presence broadcasts on the
 * JMS topic. Every node has its own non-durable
 * subscription, so a user's streams on any node learn about events projected on any node.
 * An announcement missed while a node was away from the broker is covered by the stream's
 * periodic catch-up from the log.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = "videochat.user-events"),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
            // One session: each session of a non-durable topic subscriber would get its own copy.
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StreamNoticeListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(StreamNoticeListener.class.getName());

    @Inject
    OpenStreams streams;

    @Inject
    StreamDelivery delivery;

    @Inject
    SignOuts signOuts;

    @Override
    public void onMessage(Message message) {
        try {
            String text = ((TextMessage) message).getText();
            String kind = message.getStringProperty(StreamNotices.KIND);
            if (StreamNotices.PRESENCE.equals(kind)) {
                delivery.broadcastPresence(text);
                return;
            }
            if (StreamNotices.SIGN_OUT.equals(kind)) {
                signOuts.signOut(text, System.currentTimeMillis());
                streams.closeUser(text);
                return;
            }
            if (StreamNotices.DISCONNECT.equals(kind)) {
                streams.disconnect(text);
                return;
            }
            for (String username : text.split("\n")) {
                delivery.newEventsFor(username);
            }
        } catch (JMSException | ClassCastException e) {
            LOG.warning("ignoring an unreadable announcement: " + e);
        }
    }
}
