package org.videochat.signaling.web;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open EventSource of one user (a tab, a device, a script), with its own bounded outbox.
 *
 * <p>Nothing that fills the outbox ever waits for the socket: the heartbeat, the presence
 * broadcast and the announcements only add to it and wake this connection's writer
 * ({@link StreamDelivery}). Events of the user's log are not copied in here at all: the writer
 * reads them from the log after {@link #lastSeq}, so a connection that falls behind costs no
 * memory, and a connection that is closed for being slow resumes from the log on reconnect.
 * Only events without an id (heartbeat, presence, resync, relay) wait here; a newer one with
 * the same key replaces an older one that was not written yet (only the newest presence of a
 * person matters), and when more than the limit wait, the connection is closed.
 */
final class StreamConnection {

    final String id = UUID.randomUUID().toString();
    final String username;
    /** The tab or device this stream belongs to, as the client named it; may be null. */
    final String device;
    /** The key of the HTTP session that opened this stream, or null for HTTP Basic clients. */
    final String sessionId;

    final SseEventSink sink;
    final Sse sse;
    final Instant connectedAt = Instant.now();

    /** The id of the last log event written; only the writer moves it (one writer at a time). */
    volatile long lastSeq;

    private final LinkedHashMap<String, OutboundSseEvent> outbox = new LinkedHashMap<>();
    private final int maxOutbox;
    private final AtomicLong unkeyed = new AtomicLong();
    /** The user's log has events this connection may not have written yet. */
    private final AtomicBoolean logMoved = new AtomicBoolean(true);
    /** A writer task is scheduled or running for this connection. */
    final AtomicBoolean writing = new AtomicBoolean();
    /** System.nanoTime() when the write in progress began; 0 when the writer is not inside a write. */
    volatile long writeStartedNanos;

    private volatile String closedBecause;

    StreamConnection(
            String username, String device, String sessionId, SseEventSink sink, Sse sse, long lastSeq, int maxOutbox) {
        this.username = username;
        this.sessionId = sessionId;
        this.device = device;
        this.sink = sink;
        this.sse = sse;
        this.lastSeq = lastSeq;
        this.maxOutbox = maxOutbox;
    }

    /**
     * Queues an event without an id. A non-null {@code key} replaces a waiting event with the same key.
     *
     * @return false when the outbox is full: the client does not keep up and must be disconnected
     */
    boolean offer(String key, OutboundSseEvent event) {
        synchronized (outbox) {
            String k = key != null ? key : "#" + unkeyed.incrementAndGet();
            if (!outbox.containsKey(k) && outbox.size() >= maxOutbox) {
                return false;
            }
            outbox.remove(k); // a replaced event takes the newest place in the order
            outbox.put(k, event);
            return true;
        }
    }

    List<OutboundSseEvent> takeOutbox() {
        synchronized (outbox) {
            List<OutboundSseEvent> events = new ArrayList<>(outbox.values());
            outbox.clear();
            return events;
        }
    }

    boolean hasOutbox() {
        synchronized (outbox) {
            return !outbox.isEmpty();
        }
    }

    void markLogMoved() {
        logMoved.set(true);
    }

    /** Whether the log may hold events this connection has not written. */
    boolean logMoved() {
        return logMoved.get();
    }

    /** {@link #logMoved()}, clearing the mark. */
    boolean takeLogMoved() {
        return logMoved.getAndSet(false);
    }

    /** @return true for the caller that closed it; false when it was closed already */
    boolean markClosed(String reason) {
        synchronized (outbox) {
            if (closedBecause != null) {
                return false;
            }
            closedBecause = reason;
            outbox.clear();
            return true;
        }
    }

    /** Why the stream was closed, or null while it is open. */
    String closedBecause() {
        return closedBecause;
    }

    boolean isOpen() {
        return closedBecause == null && !sink.isClosed();
    }

    /** How long the write in progress has been waiting for the socket, in ms (0 when none). */
    long writeWaitingMs(long nowNanos) {
        long started = writeStartedNanos;
        return started == 0 ? 0 : (nowNanos - started) / 1_000_000;
    }
}
