package org.videochat.platform.web;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.videochat.platform.RequestRejected;

/** Reads fields of a JSON request body with precise errors for missing fields and wrong types. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject require(JsonObject body) {
        if (body == null) {
            throw RequestRejected.badRequest("missing-body", "A JSON object is required as the request body.");
        }
        return body;
    }

    /** The string field {@code name}, or null when absent or JSON null. */
    public static String optionalString(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw RequestRejected.badRequest("invalid-field", "Field '" + name + "' must be a string, not " + value.getValueType().name().toLowerCase() + ".");
        }
        return ((JsonString) value).getString();
    }
}
