package org.videochat.signaling.web;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Instant;
import java.util.UUID;

/**
 * One open EventSource of one user (a tab, a device, a script). Remembers the last event it was
 * sent, so every connection gets each of its user's events exactly once, in order.
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
    /** Guarded by {@code this}: deliveries to one connection never interleave. */
    long lastSeq;

    StreamConnection(String username, String device, String sessionId, SseEventSink sink, Sse sse, long lastSeq) {
        this.username = username;
        this.sessionId = sessionId;
        this.device = device;
        this.sink = sink;
        this.sse = sse;
        this.lastSeq = lastSeq;
    }

    boolean isOpen() {
        return !sink.isClosed();
    }
}
