package org.videochat.signaling.web;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Listens on the PostgreSQL channel where projections announce "user X has new events". Every
 * app server node listens, so a user's streams on any node hear about events projected on any
 * node. NOTIFY is transactional: the notice arrives only after the events are committed, so a
 * stream never looks for an event that is not there yet. If the connection drops, the listener
 * reconnects and catches every open stream up from the log, so nothing is missed.
 */
@ApplicationScoped
public class UserEventNotifications {

    private static final Logger LOG = Logger.getLogger(UserEventNotifications.class.getName());

    @Resource(lookup = "jdbc/videochat")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    SignalingStream stream;

    @Inject
    @ConfigProperty(name = "videochat.events.notify-channel")
    String channel;

    private volatile boolean running = true;
    private Thread listener;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        listener = threads.newThread(this::listen);
        listener.setName("videochat-event-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + quoted(channel));
                PGConnection pg = connection.unwrap(PGConnection.class);
                LOG.info(() -> "listening for new user events on channel " + channel);
                if (reconnecting) {
                    stream.catchUpAll();
                }
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            stream.newEventsFor(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "event notification channel lost; reconnecting", e);
                reconnecting = true;
                pause();
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }
}
