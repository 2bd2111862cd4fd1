package org.videochat.platform.web;

import static org.videochat.platform.Jsons.JSON;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.videochat.platform.Outages;
import org.videochat.platform.RequestRejected;

/**
 * RFC 9457 problem details. The {@code type} is a stable URI per reason so clients can branch
 * on it; {@code title} and {@code detail} are for people.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://videochat.example/problems/";

    private Problems() {}

    /** Seconds a client waits before trying again: limits and outages here are short. */
    public static final String RETRY_AFTER_SECONDS = "1";

    /** Whether an answer with this status tells the client when to try again. */
    public static boolean asksToRetry(int status) {
        return status == 429 || status == 503;
    }

    public static String json(int status, String code, String detail) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", TYPE_BASE + code)
                .add("title", title(status))
                .add("status", status)
                .add("code", code);
        if (detail != null) {
            body.add("detail", detail);
        }
        return body.build().toString();
    }

    public static final String UNAVAILABLE_DETAIL =
            "The service is briefly unavailable (its database or message broker is restarting); try again in a moment.";

    /** The answer to a request that failed because a backing service is away (platform.Outages). */
    public static Response unavailable(java.util.logging.Logger log, Throwable failure) {
        log.warning(() -> "answering 503: a backing service is unavailable (" + Outages.describe(failure) + ")");
        return response(503, code(503), UNAVAILABLE_DETAIL);
    }

    public static Response response(RequestRejected rejected) {
        String retryAfter =
                rejected.retryAfterSeconds() > 0 ? Integer.toString(rejected.retryAfterSeconds()) : RETRY_AFTER_SECONDS;
        return response(rejected.status(), rejected.code(), rejected.getMessage(), retryAfter);
    }

    public static Response response(int status, String code, String detail) {
        return response(status, code, detail, RETRY_AFTER_SECONDS);
    }

    private static Response response(int status, String code, String detail, String retryAfter) {
        Response.ResponseBuilder response =
                Response.status(status).type(MEDIA_TYPE).entity(json(status, code, detail));
        if (asksToRetry(status)) {
            response.header("Retry-After", retryAfter);
        }
        return response.build();
    }

    /** What a status means when nothing more precise is known: the only status table of the application. */
    private record Meaning(String title, String code) {}

    private static final Map<Integer, Meaning> MEANINGS = Map.ofEntries(
            Map.entry(400, new Meaning("Bad request", "bad-request")),
            Map.entry(401, new Meaning("Authentication required", "unauthenticated")),
            Map.entry(403, new Meaning("Forbidden", "forbidden")),
            Map.entry(404, new Meaning("Not found", "not-found")),
            Map.entry(405, new Meaning("Method not allowed", "method-not-allowed")),
            Map.entry(406, new Meaning("Not acceptable", "not-acceptable")),
            Map.entry(409, new Meaning("Conflict", "conflict")),
            Map.entry(413, new Meaning("Content too large", "too-large")),
            Map.entry(415, new Meaning("Unsupported media type", "unsupported-media-type")),
            Map.entry(422, new Meaning("Unprocessable content", "unprocessable")),
            Map.entry(429, new Meaning("Too many requests", "too-many-requests")),
            Map.entry(503, new Meaning("Service unavailable", "unavailable")));

    private static Meaning meaning(int status) {
        Meaning known = MEANINGS.get(status);
        if (known != null) {
            return known;
        }
        return status >= 500
                ? new Meaning("Internal error", "internal-error")
                : new Meaning("Request failed", "request-failed");
    }

    /** The title of any problem with this status. */
    static String title(int status) {
        return meaning(status).title();
    }

    /** The code of a problem for which only the status is known (the container's errors, a bare JAX-RS exception). */
    public static String code(int status) {
        return meaning(status).code();
    }
}
