package org.videochat.signaling;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells every app server node that a user has new events, on a JMS topic. The send joins the
 * projection's transaction, so the announcement is published only once the events are
 * committed: a node never looks for an event that is not visible yet.
 */
@Stateless
public class UserEventAnnouncer {

    @Resource(lookup = "jms/videochat")
    ConnectionFactory connections;

    @Inject
    @ConfigProperty(name = "videochat.events.topic")
    String topic;

    public void announce(String username) {
        try (JMSContext jms = connections.createContext()) {
            jms.createProducer().send(jms.createTopic(topic), username);
        }
    }
}
