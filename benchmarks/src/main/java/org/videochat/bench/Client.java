package org.videochat.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One HTTP client for every simulated person: each request carries its person's cookie and CSRF token. */
final class Client {

    final URI base;
    final HttpClient http;

    Client(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    CompletableFuture<HttpResponse<String>> send(Session who, String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Cookie", who.cookie())
                .header("X-CSRF-Token", who.csrfToken())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends and waits; fails unless the answer is 2xx. */
    JsonObject call(Session who, String method, String path, String json) throws Exception {
        HttpResponse<String> r = send(who, method, path, json).get();
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + path + " as " + who.username() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isBlank()
                ? JsonObject.EMPTY_JSON_OBJECT
                : Json.createReader(new StringReader(r.body())).readObject();
    }

    EventStream stream(Session who, java.util.function.Consumer<EventStream.Event> listener) {
        return EventStream.open(http, base, who, listener);
    }
}
