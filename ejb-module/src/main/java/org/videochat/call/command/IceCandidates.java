package org.videochat.call.command;

import static org.videochat.platform.Jsons.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.videochat.platform.RequestRejected;

/**
 * A batch of trickled ICE candidates (RTCIceCandidateInit, RFC 8839). Browsers gather them in
 * bursts, so clients send several per request. Only the known fields are kept, each checked
 * for type and size; the result is what the recipient receives.
 */
public final class IceCandidates {

    private IceCandidates() {}

    /** @return the normalized batch as JSON text */
    public static String check(JsonValue candidates, int maxBatch, int maxCandidateChars) {
        if (candidates == null || candidates.getValueType() != JsonValue.ValueType.ARRAY) {
            throw RequestRejected.badRequest(
                    "invalid-candidates", "Field 'candidates' must be an array of ICE candidates.");
        }
        JsonArray batch = candidates.asJsonArray();
        if (batch.isEmpty()) {
            throw RequestRejected.badRequest("invalid-candidates", "Send at least one candidate.");
        }
        if (batch.size() > maxBatch) {
            throw RequestRejected.tooLarge(
                    "too-many-candidates",
                    "At most " + maxBatch + " candidates per request, not " + batch.size() + ".");
        }
        JsonArrayBuilder normalized = JSON.createArrayBuilder();
        for (int i = 0; i < batch.size(); i++) {
            normalized.add(candidate(batch.get(i), i, maxCandidateChars));
        }
        return normalized.build().toString();
    }

    private static JsonObject candidate(JsonValue value, int index, int maxChars) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw RequestRejected.badRequest("invalid-candidates", "Candidate " + index + " must be an object.");
        }
        JsonObject c = value.asJsonObject();
        JsonObjectBuilder out = JSON.createObjectBuilder();
        // An empty candidate string is the end-of-candidates marker.
        String line = string(c, "candidate", index, maxChars, true);
        if (!line.isEmpty() && !line.startsWith("candidate:")) {
            throw RequestRejected.badRequest(
                    "invalid-candidates", "Candidate " + index + " must start with \"candidate:\" (or be empty).");
        }
        out.add("candidate", line);
        String mid = string(c, "sdpMid", index, 64, false);
        if (mid != null) {
            out.add("sdpMid", mid);
        }
        JsonValue mline = c.get("sdpMLineIndex");
        if (mline != null && mline.getValueType() != JsonValue.ValueType.NULL) {
            if (mline.getValueType() != JsonValue.ValueType.NUMBER
                    || !((JsonNumber) mline).isIntegral()
                    || ((JsonNumber) mline).intValue() < 0
                    || ((JsonNumber) mline).intValue() > 1023) {
                throw RequestRejected.badRequest(
                        "invalid-candidates", "Candidate " + index + ": sdpMLineIndex must be an integer 0..1023.");
            }
            out.add("sdpMLineIndex", ((JsonNumber) mline).intValue());
        }
        String ufrag = string(c, "usernameFragment", index, 256, false);
        if (ufrag != null) {
            out.add("usernameFragment", ufrag);
        }
        if (mid == null && (mline == null || mline.getValueType() == JsonValue.ValueType.NULL)) {
            throw RequestRejected.badRequest(
                    "invalid-candidates", "Candidate " + index + " needs sdpMid or sdpMLineIndex.");
        }
        return out.build();
    }

    private static String string(JsonObject c, String field, int index, int maxChars, boolean required) {
        JsonValue v = c.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw RequestRejected.badRequest(
                        "invalid-candidates", "Candidate " + index + " needs '" + field + "'.");
            }
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw RequestRejected.badRequest(
                    "invalid-candidates", "Candidate " + index + ": '" + field + "' must be a string.");
        }
        String s = ((JsonString) v).getString();
        if (s.length() > maxChars) {
            throw RequestRejected.tooLarge(
                    "candidate-too-large",
                    "Candidate " + index + ": '" + field + "' has more than " + maxChars + " characters.");
        }
        return s;
    }
}
