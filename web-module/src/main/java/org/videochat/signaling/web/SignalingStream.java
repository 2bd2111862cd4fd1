package org.videochat.signaling.web;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.signaling.UserEvent;
import org.videochat.signaling.UserEventLog;
import org.videochat.directory.People;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open signaling streams of this node, by user. Nothing is pushed here by the command side:
 * when a projection commits events for a user it announces it on a JMS topic that every node
 * hears ({@link UserEventAnnouncements}), and each node sends the new rows of the user's event
 * log to the user's connections, starting after the last event each connection received.
 */
@ApplicationScoped
public class SignalingStream {

    private static final Logger LOG = Logger.getLogger(SignalingStream.class.getName());

    private final Map<String, Set<StreamConnection>> byUser = new ConcurrentHashMap<>();

    @Inject
    UserEventLog log;

    @Inject
    People people;

    @Inject
    DeliveryTimes deliveryTimes;

    /** This node's name in stream_connection; new on every start. */
    private final String node = java.util.UUID.randomUUID().toString();

    @Resource
    ManagedThreadFactory threads;

    /**
     * Deliveries run here, not on the announcing MDB's thread, so that one slow client cannot
     * hold up the others. A plain pool of managed threads: a ManagedExecutorService would
     * capture the application context again for every task, which profiling showed to cost
     * more than the delivery itself.
     */
    private ExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "videochat.sse.retry-ms")
    long retryMs;

    @Inject
    @ConfigProperty(name = "videochat.sse.heartbeat-seconds")
    long heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "videochat.sse.replay-batch")
    int replayBatch;

    @Inject
    @ConfigProperty(name = "videochat.sse.delivery-threads")
    int deliveryThreads;

    @PostConstruct
    void startDeliveries() {
        executor = Executors.newFixedThreadPool(deliveryThreads, threads);
    }

    private volatile ScheduledFuture<?> heartbeat;

    /**
     * Opens a stream for {@code username}. With a {@code Last-Event-ID} the stream first replays
     * what the user missed since then; without one it starts with the next event.
     */
    public void open(String username, String device, String sessionId, SseEventSink sink, Sse sse, Long lastEventId) {
        startHeartbeat();
        long[] position = log.positions(List.of(username)).getOrDefault(username, new long[]{0, 0});
        long last = position[0];
        long prunedThrough = position[1];
        boolean resync = lastEventId != null && (lastEventId < prunedThrough || lastEventId > last);
        long from = lastEventId == null || resync ? last : lastEventId;
        StreamConnection connection = new StreamConnection(username, device, sessionId, sink, sse, from);
        // Tell the browser how soon to reconnect, and flush the response headers now.
        send(connection, sse.newEventBuilder().comment("videochat signaling stream").reconnectDelay(retryMs).build());
        if (resync) {
            // The events after Last-Event-ID are gone (retention) or never existed: the client
            // must reload its state; the stream continues from the newest event.
            send(connection, sse.newEventBuilder().id(Long.toString(last)).name("resync").reconnectDelay(retryMs)
                    .data(String.class, "{\"reason\":\"" + (lastEventId > last ? "unknown-event-id" : "history-expired") + "\"}").build());
        }
        byUser.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(connection);
        people.streamOpened(connection.id, username, node);
        // Registered first, then caught up: an event committed in between is not missed.
        executor.execute(() -> deliver(connection));
    }

    /** Called when {@code username} has new events in the log (from any node). */
    public void newEventsFor(String username) {
        Set<StreamConnection> connections = byUser.get(username);
        if (connections == null || connections.isEmpty()) {
            return;
        }
        executor.execute(() -> connections.forEach(this::deliver));
    }

    /**
     * Writes an event without an id to every stream of this node: state that everyone needs now
     * and nobody needs replayed (presence). One task per person keeps a slow client from holding
     * up the rest.
     */
    public void broadcast(String name, String data) {
        byUser.values().forEach(connections -> write(connections, name, data));
    }

    /**
     * The benchmark baseline: writes {@code data} as a {@code relay} event to {@code username}'s
     * streams on this node, on the same executor as log deliveries but with no database read.
     * Answers how many streams it reached.
     */
    public int relay(String username, String data) {
        Set<StreamConnection> connections = byUser.getOrDefault(username, Set.of());
        write(connections, "relay", data);
        return connections.size();
    }

    /** An event without an id (Last-Event-ID stays where the log put it), on the delivery threads. */
    private void write(Set<StreamConnection> connections, String name, String data) {
        executor.execute(() -> connections.forEach(c -> {
            synchronized (c) {
                if (c.isOpen()) {
                    send(c, c.sse.newEventBuilder().name(name).data(String.class, data).build());
                }
            }
        }));
    }

    /** Closes the stream with this id if this node holds it (an operator's disconnect); the browser reconnects. */
    public boolean disconnect(String streamId) {
        for (Set<StreamConnection> connections : byUser.values()) {
            for (StreamConnection c : connections) {
                if (c.id.equals(streamId)) {
                    close(c);
                    return true;
                }
            }
        }
        return false;
    }

    /** Closes every stream of {@code username} on this node (an operator signed them out). */
    public void closeUser(String username) {
        Set<StreamConnection> connections = byUser.get(username);
        if (connections != null) {
            List.copyOf(connections).forEach(this::close);
        }
    }

    /** The last event id sent on each of this node's streams, by stream id. */
    public Map<String, Long> lastEventIds() {
        Map<String, Long> ids = new HashMap<>();
        byUser.values().forEach(connections -> connections.forEach(c -> ids.put(c.id, c.lastSeq)));
        return ids;
    }

    public int connectionCount() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    private void deliver(StreamConnection connection) {
        synchronized (connection) {
            try {
                List<UserEvent> batch;
                do {
                    if (!connection.isOpen()) {
                        close(connection);
                        return;
                    }
                    batch = log.after(connection.username, connection.lastSeq, replayBatch);
                    for (UserEvent event : batch) {
                        OutboundSseEvent sse = connection.sse.newEventBuilder()
                                .id(Long.toString(event.seq()))
                                .name(event.type())
                                .reconnectDelay(retryMs)
                                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                                .data(String.class, TabView.of(event, connection.username, connection.device))
                                .build();
                        if (!send(connection, sse)) {
                            return;
                        }
                        connection.lastSeq = event.seq();
                        if (event.projectedAt() != null) {
                            deliveryTimes.delivered(connection.username, event.seq(), event.projectedAt().toInstant().toEpochMilli(),
                                    connection.connectedAt.toEpochMilli(), System.currentTimeMillis());
                        }
                    }
                } while (batch.size() == replayBatch);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "delivering events to " + connection.username + " failed; the client will reconnect", e);
                close(connection);
            }
        }
    }

    private boolean send(StreamConnection connection, OutboundSseEvent event) {
        try {
            connection.sink.send(event).toCompletableFuture().get(10, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(connection);
            return false;
        } catch (Exception e) {
            // The peer went away: its next EventSource reconnects with Last-Event-ID.
            close(connection);
            return false;
        }
    }

    /** Closes every stream that the session with {@code sessionKey} opened (sign-out, session timeout). */
    public void closeSession(String sessionKey) {
        byUser.values().forEach(connections -> connections.stream()
                .filter(c -> sessionKey.equals(c.sessionId))
                .toList()
                .forEach(this::close));
    }

    private void close(StreamConnection connection) {
        Set<StreamConnection> connections = byUser.get(connection.username);
        if (connections != null && connections.remove(connection)) {
            try {
                people.streamClosed(connection.id, connection.username);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not record a closed stream; the sweep will", e);
            }
        }
        try {
            connection.sink.close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }

    private void startHeartbeat() {
        if (heartbeat == null) {
            synchronized (this) {
                if (heartbeat == null) {
                    heartbeat = scheduler.scheduleWithFixedDelay(this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
                }
            }
        }
    }

    /**
     * A heartbeat event on every connection keeps proxies from timing out and finds dead peers.
     * Then one query checks whether any connected user's log moved past what their streams
     * have: the safety net for an announcement that never arrived.
     */
    private void beat() {
        byUser.values().forEach(connections -> connections.forEach(c -> {
            synchronized (c) {
                if (c.isOpen()) {
                    // A named event without an id: EventSource sees it (a comment it would not), and
                    // it leaves Last-Event-ID alone. Pages reconnect when heartbeats stop.
                    send(c, c.sse.newEventBuilder().name("heartbeat").data(String.class, "{}").build());
                } else {
                    close(c);
                }
            }
        }));
        byUser.entrySet().removeIf(e -> e.getValue().isEmpty());
        try {
            people.streamsAlive(node, (int) (heartbeatSeconds * 4));
            Map<String, long[]> positions = log.positions(byUser.keySet());
            positions.forEach((user, position) -> {
                Set<StreamConnection> connections = byUser.get(user);
                if (connections != null) {
                    connections.stream().filter(c -> c.lastSeq < position[0]).forEach(c -> executor.execute(() -> deliver(c)));
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "catch-up check failed; retrying on the next heartbeat", e);
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        byUser.values().forEach(connections -> connections.forEach(c -> {
            try {
                c.sink.close();
            } catch (RuntimeException ignored) {
                // shutting down
            }
        }));
    }
}
