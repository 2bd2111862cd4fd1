package org.videochat.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;

/** Health endpoints asked as a load balancer asks (anonymously), and what their answer must say. */
public final class HealthChecks {

    private HealthChecks() {}

    public static JsonObject get(URI server, String path) throws Exception {
        try (Browser anonymous = new Browser(server)) {
            HttpResponse<String> r = anonymous.get(path);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            return Api.parse(r.body());
        }
    }

    /** Readiness covers the database, the broker and change data capture, all UP, the slot held. */
    public static void assertReady(JsonObject health) {
        Map<String, JsonObject> checks = checks(health);
        assertEquals("UP", health.getString("status"), health.toString());
        assertEquals(
                Map.of("database", "UP", "broker", "UP", "change-data-capture", "UP"),
                checks.entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> e.getValue().getString("status"))));
        JsonObject cdc = checks.get("change-data-capture").getJsonObject("data");
        assertEquals("true", data(cdc, "active"), "Debezium Server holds the replication slot: " + cdc);
        assertTrue(Long.parseLong(data(cdc, "lagBytes")) <= Long.parseLong(data(cdc, "maxLagBytes")), cdc.toString());
    }

    public static void assertLive(JsonObject health) {
        assertEquals("UP", health.getString("status"), health.toString());
        assertTrue(checks(health).get("signaling").getJsonObject("data").containsKey("openStreams"), health.toString());
    }

    /** A check's data value as text (servers write numbers and booleans as JSON values or strings). */
    private static String data(JsonObject data, String key) {
        return data.get(key) instanceof JsonString text ? text.getString() : String.valueOf(data.get(key));
    }

    private static Map<String, JsonObject> checks(JsonObject health) {
        return health.getJsonArray("checks").stream()
                .map(v -> v.asJsonObject())
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
    }
}
