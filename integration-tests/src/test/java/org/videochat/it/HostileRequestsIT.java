package org.videochat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.videochat.it.support.AgainstServer;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.Db;
import org.videochat.it.support.SseClient;

/**
 * Ten thousand hostile requests, generated from the application's own OpenAPI document and its
 * pages: every endpoint, every method, as nobody, a user, an administrator and a stranger with
 * made-up credentials; odd content types and charsets, broken, huge and deeply nested JSON, odd
 * parameters and Last-Event-IDs. None may answer 5xx, every API error is a problem body with a
 * code, none takes more than a few seconds; afterwards the stack is healthy and a call works.
 * The requests come from a fixed seed (printed), so a failure replays exactly.
 */
class HostileRequestsIT {

    static final String SEED = "20261202";
    private static final Duration SLOWEST = Duration.ofSeconds(5);
    private static final String RUN = Long.toHexString(System.nanoTime());
    private static final String USER = "fuzz-" + RUN;
    private static final String ADMIN = "fuzz-admin-" + RUN;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // what browsers speak over plain HTTP
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final String STRANGERS = "198.51.100.66";
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final AtomicInteger REFUSED_BY_LISTENER = new AtomicInteger();
    /** The request before: a connection is reused, so what one request left behind shows in the next. */
    private static String previous = "none";

    static URI base;
    static List<String> endpoints = new ArrayList<>();

    /** A request as generated: what to send, described so that a failure says exactly what it was. */
    record Hostile(
            String method,
            String path,
            String role,
            String contentType,
            String accept,
            Map<String, String> headers,
            byte[] body) {
        @Override
        public String toString() {
            return method + " " + path + " as " + role + " type=" + contentType + " accept=" + accept + " headers="
                    + headers + " body="
                    + (body == null
                            ? "none"
                            : body.length + " bytes: "
                                    + new String(body, 0, Math.min(body.length, 80), StandardCharsets.ISO_8859_1));
        }
    }

    @BeforeContainer
    static void readTheApi() throws Exception {
        base = AgainstServer.runCommandServer();
        System.out.println("[HostileRequestsIT] seed " + SEED + " (jqwik seed of noRequestGetsA5xx)");
        Db.createUser(USER, "Fuzz User", Api.PASSWORD);
        Db.createUser(ADMIN, "Fuzz Admin", Api.PASSWORD);
        Db.execute("INSERT INTO app_user_role (username, role) VALUES ('" + ADMIN + "', 'admin')");
        HttpResponse<String> document = HTTP.send(
                HttpRequest.newBuilder(base.resolve("openapi"))
                        .header("Accept", "application/json")
                        .header("Authorization", Api.basic(ADMIN, Api.PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode(), document.body());
        JsonObject paths = Json.createReader(new StringReader(document.body()))
                .readObject()
                .getJsonObject("paths");
        assertTrue(paths.size() >= 20, "the OpenAPI document lists the API: " + paths.keySet());
        endpoints.addAll(paths.keySet());
        // Not in the document (streams, pages, scripts, the container's own paths), or not at all.
        endpoints.addAll(List.of(
                "/api/events",
                "/api/me",
                "/api/me/dnd",
                "/api/people",
                "/api/ice-servers",
                "/api/bench/relay",
                "/api/nothing-here",
                "/api",
                "/",
                "/index.xhtml",
                "/login.xhtml",
                "/admin/index.xhtml",
                "/admin/",
                "/js/app.js",
                "/js/event-types.js",
                "/problem",
                "/health",
                "/health/ready",
                "/openapi",
                "/nothing.xhtml",
                "/jakarta.faces.resource/x.js",
                "/WEB-INF/web.xml"));
    }

    @AfterContainer
    static void theStackIsHealthyAndACallStillWorks() throws Exception {
        System.out.println("[HostileRequestsIT] " + SENT.get() + " requests sent, " + REFUSED_BY_LISTENER.get()
                + " refused by the HTTP listener itself");
        assertTrue(SENT.get() >= 10_000, "requests sent: " + SENT.get());
        Api api = new Api(base);
        assertEquals(200, api.get(null, null, "api/health/ready").status(), "ready after the flood");
        String caller = "fuzz-caller-" + RUN;
        String callee = "fuzz-callee-" + RUN;
        Db.createUser(caller, "Fuzz Caller", Api.PASSWORD);
        Db.createUser(callee, "Fuzz Callee", Api.PASSWORD);
        try (SseClient stream = SseClient.open(base, callee, Api.PASSWORD, null)) {
            String id = new Calls(base).place(caller, callee);
            stream.await(e -> e.type().equals("incoming-call") && e.data().contains(id), AgainstServer.CDC);
            assertEquals(
                    200, new Calls(base).command(caller, id, "cancel", null).status());
        }
    }

    @Property(tries = 10_000, seed = SEED, shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.PREVIOUS_SEED)
    void noRequestGetsA5xx(@ForAll("hostile") Hostile request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        base.resolve(request.path().substring(1)))
                .timeout(SLOWEST)
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.body() != null && request.body().length > 32_768) {
            // A server may answer before it read a large body; Java's client would then wait for
            // ever to send the rest. With 100-continue it sends the body only when asked to.
            builder.expectContinue(true);
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.accept() != null) {
            builder.header("Accept", request.accept());
        }
        Map<String, String> headers = new java.util.HashMap<>(request.headers());
        if (request.role().equals("stranger")) {
            // Strangers come from elsewhere (the test stack trusts local proxies, and the last hop
            // counts): their failed sign-ins use up that source's allowance, not the other tests'.
            headers.merge("X-Forwarded-For", STRANGERS, (given, stranger) -> given + ", " + stranger);
        }
        headers.forEach(builder::header);
        switch (request.role()) {
            case "user" -> builder.header("Authorization", Api.basic(USER, Api.PASSWORD));
            case "admin" -> builder.header("Authorization", Api.basic(ADMIN, Api.PASSWORD));
            case "stranger" ->
                builder.header(
                        "Authorization", Api.basic("made-up-" + request.path().length(), "guess"));
            case "garbage" -> builder.header("Authorization", "Basic %%%not-base64");
            default -> {}
        }
        SENT.incrementAndGet();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse("");
        byte[] body;
        try (InputStream in = response.body()) {
            // A stream stays open by design: its head is the answer; anything else is read whole.
            body = type.startsWith("text/event-stream") ? new byte[0] : in.readNBytes(1 << 20);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int status = response.statusCode();
        String before = previous;
        previous = request + " -> " + status;
        assertTrue(
                status < 500,
                status + " for " + request + ": " + new String(body, StandardCharsets.UTF_8) + " (the request before: "
                        + before + ")");
        assertTrue(took.compareTo(SLOWEST) < 0, "took " + took.toMillis() + " ms: " + request);
        // The HTTP listener itself refuses a few requests before any application sees them (TRACE,
        // a NUL in the path): a bare 400 or 405, without the headers every answer of ours has.
        boolean listenerRefused = (status == 400 || status == 405)
                && response.headers().firstValue("X-Content-Type-Options").isEmpty();
        if (listenerRefused) {
            REFUSED_BY_LISTENER.incrementAndGet();
        }
        if (request.path().startsWith("/api/")
                && status >= 400
                && !listenerRefused
                && !request.method().equals("HEAD")) {
            assertTrue(type.startsWith("application/problem+json"), status + " " + type + " for " + request);
            JsonObject problem = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))
                    .readObject();
            assertTrue(problem.containsKey("code") && problem.getInt("status") == status, problem + " for " + request);
        }
    }

    @Provide
    Arbitrary<Hostile> hostile() {
        Arbitrary<String> method =
                Arbitraries.of("GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE");
        Arbitrary<String> path = Combinators.combine(Arbitraries.of(endpoints), pathValues(), queries())
                .as((endpoint, value, query) -> endpoint.replaceAll("\\{[^}]+}", value) + query);
        Arbitrary<String> role = Arbitraries.of("anonymous", "user", "user", "admin", "stranger", "garbage");
        Arbitrary<String> contentType = Arbitraries.of(
                null,
                "application/json",
                "application/json",
                "application/json; charset=utf-16",
                "application/json; charset=bogus",
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/xml",
                "a/b/c",
                "",
                "application/problem+json");
        Arbitrary<String> accept = Arbitraries.of(
                null, "application/json", "text/html", "*/*", "text/event-stream", "application/xml", "x/y;q=abc");
        // Java's HTTP client waits for ever on a HEAD answer when it sent a body; Payara's HTTP
        // listener never reads the body of a TRACE, so it would be taken for the next request on the
        // connection (docs/deploy.md: the proxy refuses TRACE). Both go without a body.
        return Combinators.combine(method, path, role, contentType, accept, headers(), bodies())
                .as((m, p, r, t, a, h, b) ->
                        new Hostile(m, p, r, t, a, h, m.equals("HEAD") || m.equals("TRACE") ? null : b));
    }

    private static Arbitrary<String> pathValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "00000000-0000-0000-0000-000000000000",
                        "not-a-uuid",
                        "alice",
                        USER,
                        "%00",
                        "%2e%2e%2f",
                        "..%2F..%2Fetc",
                        "x".repeat(300),
                        "%E2%98%83",
                        "12345678901234567890",
                        "a;b=c",
                        "-1"),
                Arbitraries.create(() -> java.util.UUID.randomUUID().toString()));
    }

    private static Arbitrary<String> queries() {
        return Arbitraries.of(
                "",
                "",
                "?lastEventId=abc",
                "?lastEventId=-1",
                "?lastEventId=99999999999999999999",
                "?q=%00",
                "?q=" + "a".repeat(500),
                "?before=%2B999999999-12-31T23:59:59Z",
                "?before=yesterday",
                "?limit=-1",
                "?limit=99999999999",
                "?page=99999999999&size=0",
                "?device=" + "d".repeat(300),
                "?q=%E2%98%83&q=x",
                "?a%25zz=%25",
                "?next=//evil.example/",
                "?lastEventId=1&lastEventId=2");
    }

    private static Arbitrary<Map<String, String>> headers() {
        return Arbitraries.of(
                Map.of(),
                Map.of(),
                Map.of("Last-Event-ID", "abc"),
                Map.of("Last-Event-ID", "99999999999999999999999"),
                Map.of("Last-Event-ID", "1"),
                Map.of("Idempotency-Key", "k".repeat(500)),
                Map.of("Idempotency-Key", "fuzz-key"),
                Map.of("X-CSRF-Token", "forged"),
                Map.of("X-Forwarded-For", "not an address, " + "9".repeat(100)),
                Map.of("Accept-Language", "xx-YY;q=abc, ko;q=2"),
                Map.of("Cookie", "JSESSIONID=forged; videochat-lang=%00"),
                Map.of("Range", "bytes=-1"));
    }

    private static Arbitrary<byte[]> bodies() {
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        return Arbitraries.oneOf(
                Arbitraries.just((byte[]) null),
                Arbitraries.of(
                                "",
                                "{}",
                                "[]",
                                "null",
                                "42",
                                "\"text\"",
                                "{",
                                "{\"callee\":",
                                "{\"callee\":\"" + USER + "\",\"sdp\":\"v=0\"}",
                                "{\"callee\":\"fuzz-nobody\",\"sdp\":\"v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\n\"}",
                                "{\"callee\":42,\"sdp\":[1]}",
                                "{\"sdp\":\"" + "v".repeat(70_000) + "\"}",
                                "{\"candidates\":[{\"candidate\":\"\\u0000\"}]}",
                                "{\"candidates\":\"x\"}",
                                "{\"dnd\":\"yes\"}",
                                "{\"dnd\":true}",
                                "{\"status\":\"connected\"}",
                                "{\"kind\":\"offer\",\"sdp\":null}",
                                "{\"detail\":\"\\u0000\"}",
                                nested,
                                "{\"a\":" + nested + "}",
                                "x".repeat(300_000),
                                "{\"callee\":\"\\ud800\"}")
                        .map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(
                        new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b, 0}, new byte[] {(byte) 0xc3, 0x28, 0x7b, 0x7d}));
    }
}
