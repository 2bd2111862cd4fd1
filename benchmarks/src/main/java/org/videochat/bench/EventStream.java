package org.videochat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One EventSource-like connection to /api/events, read line by line on the shared client's
 * selector thread (thousands of them need no thread each). Each complete event goes to the
 * listener with the nanoTime at which its last line arrived.
 */
final class EventStream implements Flow.Subscriber<String> {

    record Event(String type, String id, String data, long arrivedNanos, long arrivedMillis) {}

    private final Consumer<Event> listener;
    private final CountDownLatch opened = new CountDownLatch(1);
    private Flow.Subscription subscription;
    private CompletableFuture<HttpResponse<Void>> response;
    private String type;
    private String id;
    private final StringBuilder data = new StringBuilder();

    private EventStream(Consumer<Event> listener) {
        this.listener = listener;
    }

    static EventStream open(HttpClient http, URI base, Session session, Consumer<Event> listener) {
        EventStream stream = new EventStream(listener);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/events"))
                .header("Cookie", session.cookie())
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        stream.response = http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(stream));
        return stream;
    }

    /** Waits for the stream's first line (the server's opening comment). */
    boolean awaitOpen(long seconds) throws InterruptedException {
        return opened.await(seconds, TimeUnit.SECONDS);
    }

    void close() {
        if (subscription != null) {
            subscription.cancel();
        }
        response.cancel(true);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        opened.countDown();
        if (line.isEmpty()) {
            if (type != null || !data.isEmpty()) {
                listener.accept(new Event(
                        type == null ? "message" : type,
                        id,
                        data.toString(),
                        System.nanoTime(),
                        System.currentTimeMillis()));
            }
            type = null;
            id = null;
            data.setLength(0);
        } else if (line.startsWith("event:")) {
            type = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
            id = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
            if (!data.isEmpty()) {
                data.append('\n');
            }
            data.append(line.substring(5).trim());
        }
    }

    @Override
    public void onError(Throwable t) {
        opened.countDown();
    }

    @Override
    public void onComplete() {
        opened.countDown();
    }
}
