package org.videochat.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void aBareStatusGetsItsTitleAndCode() {
        assertEquals("unauthenticated", Problems.code(401));
        assertEquals("Authentication required", Problems.title(401));
        assertEquals("unsupported-media-type", Problems.code(415));
        assertEquals("too-many-requests", Problems.code(429));
        assertEquals("unavailable", Problems.code(503));
    }

    @Test
    void unknownStatusesFallBackByClass() {
        assertEquals("request-failed", Problems.code(418));
        assertEquals("Request failed", Problems.title(418));
        assertEquals("internal-error", Problems.code(500));
        assertEquals("Internal error", Problems.title(502));
    }

    @Test
    void theBodyIsAnRfc9457Problem() {
        JsonObject body = Json.createReader(new StringReader(Problems.json(422, "call-not-ringing", "It rang out.")))
                .readObject();
        assertEquals(Problems.TYPE_BASE + "call-not-ringing", body.getString("type"));
        assertEquals("Unprocessable content", body.getString("title"));
        assertEquals(422, body.getInt("status"));
        assertEquals("call-not-ringing", body.getString("code"));
        assertEquals("It rang out.", body.getString("detail"));
    }
}
