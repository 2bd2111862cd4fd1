package org.videochat.platform.web;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.videochat.platform.RequestRejected;

/** Reads fields of a JSON request body with precise errors for missing fields and wrong types. */
public final class JsonBodies {

    private JsonBodies() {}

    /** The body as a JSON object; 400 when it is missing or another JSON type (array, string ...). */
    public static JsonObject requireObject(JsonValue body) {
        if (body == null || body.getValueType() == JsonValue.ValueType.NULL) {
            throw RequestRejected.badRequest("missing-body", "A JSON object is required as the request body.");
        }
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw RequestRejected.badRequest(
                    "invalid-body",
                    "The request body must be a JSON object, not "
                            + body.getValueType().name().toLowerCase() + ".");
        }
        return body.asJsonObject();
    }

    /** The string field {@code name}, or null when absent or JSON null. */
    public static String optionalString(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw RequestRejected.badRequest(
                    "invalid-field",
                    "Field '" + name + "' must be a string, not "
                            + value.getValueType().name().toLowerCase() + ".");
        }
        String text = ((JsonString) value).getString();
        if (text.indexOf('\u0000') >= 0) {
            throw RequestRejected.badRequest("invalid-field", "Field '" + name + "' must not contain NUL characters.");
        }
        return text;
    }
}
