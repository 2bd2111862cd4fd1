package org.videochat.signaling.web;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.platform.RequestRejected;
import org.videochat.presence.command.StreamRecords;

/**
 * The registry of this node's open signaling streams, by user, and their record in
 * {@code stream_connection} (being online means having one). Opening enforces the per-user and
 * per-session limits; closing detaches a connection at once and leaves the slow parts (the
 * database row, closing the socket, which may wait behind a stalled write) to background threads,
 * so nobody who closes a stream ever waits for a socket or the database.
 */
@ApplicationScoped
public class OpenStreams {

    private static final Logger LOG = Logger.getLogger(OpenStreams.class.getName());

    /** This node's name in stream_connection; new on every start. */
    private final String node = UUID.randomUUID().toString();

    private final Map<String, Set<StreamConnection>> byUser = new ConcurrentHashMap<>();

    @Inject
    StreamRecords streamRecords;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "videochat.sse.max-streams-per-user")
    int maxPerUser;

    @Inject
    @ConfigProperty(name = "videochat.sse.max-streams-per-session")
    int maxPerSession;

    @Inject
    @ConfigProperty(name = "videochat.sse.max-outbox-events")
    int maxOutbox;

    /** Database bookkeeping of opened and closed streams, one at a time; the heartbeat reconciles what this drops. */
    private ThreadPoolExecutor bookkeeping;
    /** Closing sockets: closing may wait for a write stuck on a dead peer, so each close gets its own thread. */
    private ThreadPoolExecutor closers;

    @PostConstruct
    void start() {
        bookkeeping = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000),
                threads,
                new ThreadPoolExecutor.DiscardPolicy());
        closers = new ThreadPoolExecutor(0, 64, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }

    String node() {
        return node;
    }

    /**
     * Registers a new stream of {@code username}, positioned after {@code lastSeq}.
     *
     * @throws RequestRejected 429 when the person or the session already holds the most streams allowed
     */
    StreamConnection open(String username, String device, String sessionId, SseEventSink sink, Sse sse, long lastSeq) {
        StreamConnection connection = new StreamConnection(username, device, sessionId, sink, sse, lastSeq, maxOutbox);
        // compute() is atomic per person: a close that empties the set cannot race with this add.
        byUser.compute(username, (u, mine) -> {
            Set<StreamConnection> set = mine != null ? mine : ConcurrentHashMap.newKeySet();
            if (set.size() >= maxPerUser) {
                throw new RequestRejected(
                        429,
                        "too-many-streams",
                        "You have " + set.size()
                                + " signaling streams open on this server, the most allowed. Close a tab or another device and try again.");
            }
            if (sessionId != null
                    && set.stream().filter(c -> sessionId.equals(c.sessionId)).count() >= maxPerSession) {
                throw new RequestRejected(
                        429,
                        "too-many-streams",
                        "This browser session has " + maxPerSession
                                + " signaling streams open, the most allowed. Close a tab and try again.");
            }
            set.add(connection);
            return set;
        });
        try {
            streamRecords.opened(connection.id, username, node);
        } catch (RuntimeException e) {
            detach(connection);
            throw e;
        }
        return connection;
    }

    /** Detaches a connection now; its row and its socket are closed in the background. Safe to call twice. */
    void close(StreamConnection connection, String reason) {
        close(connection, reason, Level.FINE);
    }

    /** The same for a client that does not read: worth a line in the server log. */
    void closeSlow(StreamConnection connection, String reason) {
        close(connection, reason, Level.INFO);
    }

    private void close(StreamConnection connection, String reason, Level level) {
        if (!connection.markClosed(reason)) {
            return;
        }
        detach(connection);
        bookkeeping.execute(() -> {
            try {
                streamRecords.closed(connection.id, connection.username);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not record a closed stream; the heartbeat reconciles it", e);
            }
        });
        try {
            closers.execute(() -> closeQuietly(connection));
        } catch (RejectedExecutionException e) {
            // Every closer waits on a stalled socket: the stream's writer closes it when its own
            // write returns, which the container's write timeout bounds.
            LOG.fine(() -> "no closer free for stream " + connection.id + "; left to its writer");
        }
        LOG.log(level, () -> "closed stream " + connection.id + " of " + connection.username + ": " + reason);
    }

    private void detach(StreamConnection connection) {
        byUser.computeIfPresent(connection.username, (u, mine) -> {
            mine.remove(connection);
            return mine.isEmpty() ? null : mine;
        });
    }

    static void closeQuietly(StreamConnection connection) {
        try {
            connection.sink.close();
        } catch (RuntimeException ignored) {
            // the peer is gone already
        }
    }

    Collection<StreamConnection> of(String username) {
        Set<StreamConnection> mine = byUser.get(username);
        return mine == null ? List.of() : mine;
    }

    Stream<StreamConnection> all() {
        return byUser.values().stream().flatMap(Set::stream);
    }

    Set<String> users() {
        return byUser.keySet();
    }

    /** Closes the stream with this id if this node holds it (an operator's disconnect); the browser reconnects. */
    public boolean disconnect(String streamId) {
        return all().filter(c -> c.id.equals(streamId))
                .findFirst()
                .map(c -> {
                    close(c, "disconnected by an operator");
                    return true;
                })
                .orElse(false);
    }

    /** Closes every stream of {@code username} on this node (an operator signed them out). */
    public void closeUser(String username) {
        List.copyOf(of(username)).forEach(c -> close(c, "signed out"));
    }

    /** Closes every stream that the session with {@code sessionKey} opened (sign-out, session timeout). */
    public void closeSession(String sessionKey) {
        all().filter(c -> sessionKey.equals(c.sessionId)).toList().forEach(c -> close(c, "session ended"));
    }

    /** The last event id sent on each of this node's streams, by stream id. */
    public Map<String, Long> lastEventIds() {
        Map<String, Long> ids = new HashMap<>();
        all().forEach(c -> ids.put(c.id, c.lastSeq));
        return ids;
    }

    public int connectionCount() {
        return (int) all().count();
    }

    /** Marks this node's streams alive in the database and forgets rows of streams that are gone. */
    void recordAlive(int staleSeconds) {
        streamRecords.alive(node, all().map(c -> c.id).toList(), staleSeconds);
    }

    /** The rows of this node's streams go with the node (other nodes sweep them when its heartbeat stops). */
    @PreDestroy
    void stop() {
        bookkeeping.shutdownNow();
        all().toList().forEach(c -> {
            c.markClosed("server stopping");
            closeQuietly(c);
        });
        closers.shutdown();
    }
}
