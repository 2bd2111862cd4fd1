package org.videochat.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** REST calls as a given user (HTTP Basic). */
public final class Api {

    public static final String PASSWORD = "videochat";
    /** A small but well-formed offer; the server checks shape and size, not media. */
    public static final String OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            // Browsers speak HTTP/1.1 to a plain-HTTP origin; Java would otherwise try an h2c upgrade.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    public Answer post(String user, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                // Large bodies ask first, as careful clients do: the server can refuse before the upload.
                .expectContinue(body.length() > 65_536)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", basic(user, PASSWORD));
        }
        return send(request.build());
    }

    public Answer send(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            request.header("Authorization", basic(user, PASSWORD));
        }
        return send(request.build());
    }

    /** A command with an Idempotency-Key, as a client that may repeat it sends it. */
    public Answer postOnce(String user, String path, String json, String idempotencyKey) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header("Authorization", basic(user, PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public Answer get(String user, String password, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.build());
    }

    /** A GET forwarded by a trusted proxy (the test stacks trust loopback) for the client {@code source}. */
    public Answer getFrom(String source, String user, String password, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", source)
                .GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request.build());
    }

    public Answer placeCall(String caller, String callee) throws Exception {
        String body = Json.createObjectBuilder()
                .add("callee", callee)
                .add("sdp", OFFER)
                .build()
                .toString();
        return post(caller, "api/calls", "application/json", body);
    }

    private static Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body(),
                response.headers());
    }

    public static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
