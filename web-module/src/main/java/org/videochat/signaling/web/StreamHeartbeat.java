package org.videochat.signaling.web;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.signaling.EventType;
import org.videochat.signaling.UserEventLog;

/**
 * Keeps this node's streams honest, without ever waiting on a socket:
 * <ul>
 *   <li>every {@code videochat.sse.heartbeat-seconds} a {@code heartbeat} event goes into each
 *       outbox (pages reconnect when heartbeats stop; proxies see traffic), this node's streams
 *       are marked alive in {@code stream_connection}, and any stream behind its user's log is
 *       woken (the safety net for an announcement that never arrived);</li>
 *   <li>every second the watchdog closes streams whose write has waited for the socket longer
 *       than {@code videochat.sse.write-timeout-ms}: a peer that stopped reading. Its browser
 *       reconnects with Last-Event-ID and loses nothing.</li>
 * </ul>
 */
@ApplicationScoped
public class StreamHeartbeat {

    private static final Logger LOG = Logger.getLogger(StreamHeartbeat.class.getName());

    @Inject
    OpenStreams streams;

    @Inject
    StreamDelivery delivery;

    @Inject
    UserEventLog log;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "videochat.sse.heartbeat-seconds")
    long heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "videochat.sse.write-timeout-ms")
    long writeTimeoutMs;

    private volatile List<ScheduledFuture<?>> tasks;

    /** Starts with the first stream. */
    void ensureRunning() {
        if (tasks == null) {
            synchronized (this) {
                if (tasks == null) {
                    tasks = List.of(
                            scheduler.scheduleWithFixedDelay(
                                    this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS),
                            scheduler.scheduleWithFixedDelay(this::closeStalled, 1, 1, TimeUnit.SECONDS));
                }
            }
        }
    }

    private void beat() {
        try {
            // A named event without an id: EventSource sees it (a comment it would not), and it
            // leaves Last-Event-ID alone. Only one heartbeat waits per stream.
            streams.all()
                    .forEach(c -> delivery.enqueue(
                            c,
                            EventType.HEARTBEAT.wireName(),
                            c.sse.newEventBuilder()
                                    .name(EventType.HEARTBEAT.wireName())
                                    .data(String.class, "{}")
                                    .build()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "heartbeat failed; next one in " + heartbeatSeconds + " s", e);
        }
        try {
            streams.recordAlive((int) (heartbeatSeconds * 4));
            Map<String, long[]> positions = log.positions(streams.users());
            positions.forEach((user, position) -> streams.of(user).stream()
                    .filter(c -> c.lastSeq < position[0])
                    .forEach(c -> {
                        c.markLogMoved();
                        delivery.wake(c);
                    }));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "stream bookkeeping and catch-up failed (database away?); retrying on the next heartbeat: " + e);
        }
    }

    private void closeStalled() {
        try {
            long now = System.nanoTime();
            streams.all()
                    .filter(c -> c.writeWaitingMs(now) > writeTimeoutMs)
                    .toList()
                    .forEach(c -> streams.closeSlow(c, "stalled: a write waited more than " + writeTimeoutMs + " ms"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stalled-stream check failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (tasks != null) {
            tasks.forEach(t -> t.cancel(false));
        }
    }
}
