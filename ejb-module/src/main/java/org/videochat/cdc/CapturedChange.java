package org.videochat.cdc;

import static org.videochat.platform.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * One committed row change as Debezium Server published it (JSON value without schema).
 *
 * @param table     the captured table, e.g. {@code call}
 * @param operation c (insert), u (update), d (delete), r (snapshot read)
 * @param lsn       position in the write-ahead log: orders changes and identifies them
 * @param commitMs  when the source transaction committed (Debezium's source.ts_ms)
 * @param publishMs when the sink published the message, or 0 when unknown
 * @param before    row before the change (null for inserts)
 * @param after     row after the change (null for deletes)
 */
public record CapturedChange(
        String table, String operation, long lsn, long commitMs, long publishMs, JsonObject before, JsonObject after) {

    public static CapturedChange parse(String json, long publishMs) {
        JsonObject event;
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            event = reader.readObject();
        }
        JsonObject source = event.getJsonObject("source");
        if (source == null) {
            throw new IllegalArgumentException("not a Debezium change event: no source block");
        }
        return new CapturedChange(
                source.getString("table"),
                event.getString("op"),
                source.getJsonNumber("lsn").longValue(),
                source.containsKey("ts_ms") ? source.getJsonNumber("ts_ms").longValue() : 0L,
                publishMs,
                objectOrNull(event, "before"),
                objectOrNull(event, "after"));
    }

    /** The row as it is now: after an insert or update, before a delete. */
    public JsonObject row() {
        return after != null ? after : before;
    }

    public boolean isInsert() {
        return "c".equals(operation) || "r".equals(operation);
    }

    /** Identifies this change for idempotent projection; stable across redeliveries. */
    public String key(String purpose) {
        return table + ":" + lsn + ":" + purpose;
    }

    private static JsonObject objectOrNull(JsonObject event, String name) {
        JsonValue value = event.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value.asJsonObject();
    }
}
