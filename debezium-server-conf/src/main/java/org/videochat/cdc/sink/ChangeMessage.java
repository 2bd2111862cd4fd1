package org.videochat.cdc.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * What the sink publishes for one captured row change: the Debezium JSON value as the body,
 * plus the properties the broker and the projections rely on.
 *
 * <p>The group id keeps every change of one call in commit order even with several consumers
 * (Artemis message groups); the duplicate id lets the broker drop a change that Debezium sends
 * again after a restart (it replays from the last committed offset).
 */
public record ChangeMessage(
        String table, String operation, long lsn, long commitMillis, String groupId, String duplicateId, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param destination  Debezium's topic name for the table, e.g. {@code videochat.public.call}
     * @param key          the record key as JSON (the primary key columns)
     * @param value        the change event as JSON without schema
     * @param groupColumns columns tried in order to find the call a row belongs to
     */
    public static ChangeMessage of(String destination, String key, String value, List<String> groupColumns) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "change event without a value (tombstones must be disabled): " + destination);
        }
        JsonNode event = parse(value);
        JsonNode source = event.path("source");
        String table = source.path("table").asText(tableOf(destination));
        String operation = event.path("op").asText("");
        long lsn = source.path("lsn").asLong(-1);
        long commitMillis = source.path("ts_ms").asLong(0);
        JsonNode row = event.hasNonNull("after") ? event.get("after") : event.path("before");
        String groupId = groupOf(row, groupColumns, key);
        String duplicateId = destination + ":" + lsn + ":" + operation;
        return new ChangeMessage(table, operation, lsn, commitMillis, groupId, duplicateId, value);
    }

    private static String groupOf(JsonNode row, List<String> groupColumns, String key) {
        for (String column : groupColumns) {
            JsonNode v = row.get(column);
            if (v != null && !v.isNull()) {
                return v.asText();
            }
        }
        return key;
    }

    private static String tableOf(String destination) {
        int dot = destination.lastIndexOf('.');
        return dot < 0 ? destination : destination.substring(dot + 1);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("change event is not JSON", e);
        }
    }
}
