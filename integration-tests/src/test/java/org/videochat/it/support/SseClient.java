package org.videochat.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A minimal EventSource: reads a text/event-stream response and queues the parsed events. */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String type, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final java.util.Set<Event> returned =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Thread reader;
    private final HttpResponse<java.io.InputStream> response;
    private volatile String retry;
    private volatile int heartbeats;

    private SseClient(HttpResponse<java.io.InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static SseClient open(URI base, String user, String password, String lastEventId) throws Exception {
        return open(base, user, password, lastEventId, null);
    }

    /** A stream for one named tab ({@code ?device=}). */
    public static SseClient open(URI base, String user, String password, String lastEventId, String device)
            throws Exception {
        return connect(base, "Authorization", Api.basic(user, password), lastEventId, device);
    }

    /** A stream opened with a signed-in browser's session cookie. */
    public static SseClient withSession(URI base, String cookie) throws Exception {
        return connect(base, "Cookie", cookie, null, null);
    }

    private static SseClient connect(URI base, String header, String value, String lastEventId, String device)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        base.resolve(device == null ? "api/events" : "api/events?device=" + device))
                .header(header, value)
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("event stream answered " + response.statusCode());
        }
        return new SseClient(response);
    }

    /** How many heartbeat events arrived (they are not queued as events). */
    public int heartbeats() {
        return heartbeats;
    }

    /** Whether the server ended the stream (the reader saw the end of the body). */
    public boolean isClosedByServer() {
        return !reader.isAlive();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The last {@code retry:} value the server sent, or null. */
    public String retry() {
        return retry;
    }

    /**
     * The first event that matches and was not returned by an earlier await, whether it already
     * arrived or arrives within {@code timeout}. Every event received is kept in {@link #seen()}.
     */
    public Event await(Predicate<Event> match, Duration timeout) throws InterruptedException {
        synchronized (seen) {
            for (Event e : seen) {
                if (!returned.contains(e) && match.test(e)) {
                    returned.add(e);
                    return e;
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching event within " + timeout + "; got " + seen);
            }
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                continue;
            }
            synchronized (seen) {
                seen.add(e);
            }
            if (match.test(e)) {
                returned.add(e);
                return e;
            }
        }
    }

    /** All events received so far (waits {@code quiet} for stragglers first). */
    public List<Event> drain(Duration quiet) throws InterruptedException {
        Event e;
        while ((e = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            synchronized (seen) {
                seen.add(e);
            }
        }
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public List<Event> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null, type = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (type.equals("heartbeat")) {
                        heartbeats++; // transport, like a comment: not an event of the log
                    } else if (!data.isEmpty()) {
                        events.add(new Event(id, type, data.substring(0, data.length() - 1)));
                    }
                    id = null;
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5))
                            .append('\n');
                } else if (line.startsWith("retry:")) {
                    retry = line.substring(6).strip();
                }
            }
        } catch (IOException closed) {
            // stream closed by close() or by the server
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing anyway
        }
        reader.interrupt();
    }
}
