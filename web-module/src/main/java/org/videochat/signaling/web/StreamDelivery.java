package org.videochat.signaling.web;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.signaling.EventType;
import org.videochat.signaling.UserEvent;
import org.videochat.signaling.UserEventLog;

/**
 * Writes to each open stream what it should see: the user's log after the last event the
 * stream received, and the events without an id waiting in its outbox.
 *
 * <p>Each connection has at most one writer task at a time, on a pool of threads that only
 * write. A write that the socket does not take (a peer that stopped reading) holds up only its
 * own connection: the heartbeat's watchdog closes a connection whose write has waited longer
 * than {@code videochat.sse.write-timeout-ms}, and the pool has threads enough for the other
 * connections meanwhile. Nothing on the announcement, presence or heartbeat path waits for a
 * socket; they add to an outbox and wake the writer.
 *
 * <p>Presence goes through a JAX-RS {@link SseBroadcaster} to every stream of this node. The
 * broadcaster's sinks are the connections' outboxes ({@link OutboxSink}), never the sockets:
 * a broadcaster that wrote to sockets would wait for the slowest reader.
 */
@ApplicationScoped
public class StreamDelivery {

    private static final Logger LOG = Logger.getLogger(StreamDelivery.class.getName());

    @Inject
    UserEventLog log;

    @Inject
    OpenStreams streams;

    @Inject
    DeliveryTimes deliveryTimes;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "videochat.sse.retry-ms")
    long retryMs;

    @Inject
    @ConfigProperty(name = "videochat.sse.replay-batch")
    int replayBatch;

    @Inject
    @ConfigProperty(name = "videochat.sse.writer-threads")
    int writerThreads;

    @Inject
    @ConfigProperty(name = "videochat.sse.write-timeout-ms")
    long writeTimeoutMs;

    /**
     * A plain pool of managed threads: a ManagedExecutorService would capture the application
     * context again for every task, which profiling showed to cost more than the write itself.
     * Idle threads go away, so the pool is only as large as the moment needs.
     */
    private ThreadPoolExecutor writers;

    private volatile Presence presence;

    @PostConstruct
    void start() {
        writers = new ThreadPoolExecutor(
                writerThreads, writerThreads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        writers.allowCoreThreadTimeOut(true);
    }

    /** Starts a new stream: the reconnection delay, a resync when asked, then the user's log. */
    void start(StreamConnection connection, String resyncReason, long resyncId) {
        // Tells the browser how soon to reconnect, and flushes the response headers now.
        connection.offer(
                "hello",
                connection
                        .sse
                        .newEventBuilder()
                        .comment("videochat signaling stream")
                        .reconnectDelay(retryMs)
                        .build());
        if (resyncReason != null) {
            // The events after Last-Event-ID are gone (retention) or never existed: the client
            // must reload its state; the stream continues from the newest event.
            connection.offer(
                    EventType.RESYNC.wireName(),
                    connection
                            .sse
                            .newEventBuilder()
                            .id(Long.toString(resyncId))
                            .name(EventType.RESYNC.wireName())
                            .reconnectDelay(retryMs)
                            .data(String.class, "{\"reason\":\"" + resyncReason + "\"}")
                            .build());
        }
        presenceBroadcaster(connection.sse).register(new OutboxSink(connection));
        wake(connection);
    }

    /** {@code username} has new events in the log (projected on any node). */
    public void newEventsFor(String username) {
        for (StreamConnection connection : streams.of(username)) {
            connection.markLogMoved();
            wake(connection);
        }
    }

    /** A presence change, for every stream on this node; only the newest per person waits in an outbox. */
    public void broadcastPresence(String data) {
        Presence p = presence;
        if (p != null) { // no stream was ever opened on this node: nobody to tell
            p.broadcaster.broadcast(p.sse.newEventBuilder()
                    .name(EventType.PRESENCE.wireName())
                    .data(String.class, data)
                    .build());
        }
    }

    /**
     * The benchmark baseline: {@code data} as a {@code relay} event to {@code username}'s streams
     * on this node, through the same outboxes and writers as log events but with no database read.
     * Answers how many streams it reached.
     */
    public int relay(String username, String data) {
        Collection<StreamConnection> connections = streams.of(username);
        for (StreamConnection connection : connections) {
            enqueue(
                    connection,
                    null,
                    connection
                            .sse
                            .newEventBuilder()
                            .name(EventType.RELAY.wireName())
                            .data(String.class, data)
                            .build());
        }
        return connections.size();
    }

    /** Queues an event without an id and wakes the writer; a connection whose outbox is full is closed. */
    boolean enqueue(StreamConnection connection, String key, OutboundSseEvent event) {
        if (!connection.isOpen()) {
            return false;
        }
        if (!connection.offer(key, event)) {
            streams.closeSlow(connection, "outbox full: the client does not read");
            return false;
        }
        wake(connection);
        return true;
    }

    /** Makes sure a writer task will look at this connection. */
    void wake(StreamConnection connection) {
        if (connection.writing.compareAndSet(false, true)) {
            try {
                writers.execute(() -> write(connection));
            } catch (RejectedExecutionException e) {
                connection.writing.set(false); // stopping
            }
        }
    }

    private void write(StreamConnection connection) {
        boolean logFailed = false;
        try {
            while (connection.isOpen()) {
                for (OutboundSseEvent event : connection.takeOutbox()) {
                    if (!send(connection, event)) {
                        return;
                    }
                }
                if (connection.takeLogMoved()) {
                    try {
                        if (!writeLog(connection)) {
                            return;
                        }
                    } catch (RuntimeException e) {
                        // The database is away: keep the stream, mark the log unread; the next
                        // announcement or the heartbeat's catch-up tries again.
                        connection.markLogMoved();
                        logFailed = true;
                        LOG.log(
                                Level.FINE,
                                "reading the event log of " + connection.username + " failed; retrying later",
                                e);
                        return;
                    }
                } else if (!connection.hasOutbox()) {
                    return;
                }
            }
        } finally {
            connection.writing.set(false);
            if (connection.closedBecause() != null) {
                // Closed while this writer waited on the socket: the closer may have found no free
                // thread, or Jersey may have left the close to the write in progress. Closing
                // twice is harmless; a stream left open here would never end for its client.
                OpenStreams.closeQuietly(connection);
            }
            // Work that arrived after the last look; a log that failed to read waits for the next wake.
            if (connection.isOpen() && (connection.hasOutbox() || (!logFailed && connection.logMoved()))) {
                wake(connection);
            }
        }
    }

    /** Writes the log after the connection's position; yields to waiting outbox events between batches. */
    private boolean writeLog(StreamConnection connection) {
        List<UserEvent> batch;
        do {
            batch = log.after(connection.username, connection.lastSeq, replayBatch);
            for (UserEvent event : batch) {
                OutboundSseEvent sse = connection
                        .sse
                        .newEventBuilder()
                        .id(Long.toString(event.seq()))
                        .name(event.type())
                        .reconnectDelay(retryMs)
                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(String.class, TabView.of(event, connection.username, connection.device))
                        .build();
                if (!send(connection, sse)) {
                    return false;
                }
                connection.lastSeq = event.seq();
                if (event.projectedAt() != null) {
                    deliveryTimes.delivered(
                            connection.username,
                            event.seq(),
                            event.projectedAt().toInstant().toEpochMilli(),
                            connection.connectedAt.toEpochMilli(),
                            System.currentTimeMillis());
                }
            }
            if (batch.size() == replayBatch && connection.hasOutbox()) {
                connection.markLogMoved(); // more to read after the outbox went out
                return true;
            }
        } while (batch.size() == replayBatch);
        return true;
    }

    private boolean send(StreamConnection connection, OutboundSseEvent event) {
        connection.writeStartedNanos = System.nanoTime();
        try {
            connection.sink.send(event).toCompletableFuture().get(writeTimeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            streams.close(connection, "interrupted");
            return false;
        } catch (TimeoutException e) {
            streams.closeSlow(connection, "write timed out");
            return false;
        } catch (ExecutionException | RuntimeException e) {
            // The peer went away: its next EventSource reconnects with Last-Event-ID.
            streams.close(connection, "write failed: " + e);
            return false;
        } finally {
            connection.writeStartedNanos = 0;
        }
    }

    /** The node's presence broadcaster and the Sse that builds its events, made with the first stream. */
    private record Presence(Sse sse, SseBroadcaster broadcaster) {}

    private SseBroadcaster presenceBroadcaster(Sse sse) {
        if (presence == null) {
            synchronized (this) {
                if (presence == null) {
                    SseBroadcaster broadcaster = sse.newBroadcaster();
                    broadcaster.onError(
                            (sink, error) -> LOG.log(Level.FINE, "presence broadcast failed for a stream", error));
                    presence = new Presence(sse, broadcaster);
                }
            }
        }
        return presence.broadcaster();
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
        if (presence != null) {
            presence.broadcaster().close();
        }
    }

    /**
     * What the presence broadcaster writes to: the connection's outbox. Never blocks; a full
     * outbox closes the connection. Sending to a closed connection fails, which is how both
     * Jersey's and RESTEasy's broadcasters learn to drop a sink.
     */
    private final class OutboxSink implements SseEventSink {

        private final StreamConnection connection;

        OutboxSink(StreamConnection connection) {
            this.connection = connection;
        }

        @Override
        public boolean isClosed() {
            return !connection.isOpen();
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (!connection.isOpen()) {
                throw new IllegalStateException("stream closed");
            }
            if (!enqueue(connection, presenceKey(event), event)) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("stream closed: the client does not read"));
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            streams.close(connection, "closed by the broadcaster");
        }
    }

    /** Presence events of one person replace each other while waiting; the key is the data's "username" (PresenceProjection). */
    static String presenceKey(OutboundSseEvent event) {
        if (!EventType.PRESENCE.wireName().equals(event.getName()) || !(event.getData() instanceof String data)) {
            return null;
        }
        int from = data.indexOf("\"username\":\"");
        int to = from < 0 ? -1 : data.indexOf('"', from + 12);
        return to < 0 ? null : "presence:" + data.substring(from + 12, to);
    }
}
