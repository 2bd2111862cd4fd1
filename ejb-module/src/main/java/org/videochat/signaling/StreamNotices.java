package org.videochat.signaling;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import java.util.Collection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells every app server node which users have new events, in one message on a JMS topic. It
 * is sent after the projection committed, so a node never looks for an event that is not
 * visible yet, and outside any transaction: an announcement is only a nudge (the events are
 * already safe in the log, and every stream catches up from the log at each heartbeat), so it
 * needs neither XA nor a journal write (non-persistent).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StreamNotices {

    @Resource(name = "jms/videochat")
    ConnectionFactory connections;

    @Inject
    @ConfigProperty(name = "videochat.events.topic")
    String topic;

    /** The message property that marks a presence broadcast or a disconnect; other messages list usernames. */
    public static final String KIND = "videochat_kind";

    public static final String EVENTS = "events";
    public static final String PRESENCE = "presence";
    public static final String DISCONNECT = "disconnect";
    public static final String SIGN_OUT = "sign-out";

    /** One line per username. */
    public void announce(Collection<String> usernames) {
        if (!usernames.isEmpty()) {
            publish(EVENTS, String.join("\n", usernames));
        }
    }

    /** A presence event for every open stream on every node (it is not kept in any log). */
    public void broadcastPresence(String event) {
        publish(PRESENCE, event);
    }

    /** Asks every node to close the stream with this id (the node that holds it does). */
    public void disconnect(String streamId) {
        publish(DISCONNECT, streamId);
    }

    /** Asks every node to end this person's sessions and close their streams. */
    public void signOut(String username) {
        publish(SIGN_OUT, username);
    }

    private void publish(String kind, String text) {
        try (JMSContext jms = connections.createContext()) {
            jms.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setProperty(KIND, kind)
                    .send(jms.createTopic(topic), text);
        }
    }
}
