package org.videochat.platform.web;

import static org.videochat.platform.Jsons.JSON;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details. The {@code type} is a stable URI per reason so clients can branch
 * on it; {@code title} and {@code detail} are for people.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://videochat.example/problems/";

    private Problems() {
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

    public static Response response(int status, String code, String detail) {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(json(status, code, detail));
        if (status == 429 || status == 503) {
            response.header("Retry-After", "1"); // seconds: limits and outages here are short
        }
        return response.build();
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
    }
}
