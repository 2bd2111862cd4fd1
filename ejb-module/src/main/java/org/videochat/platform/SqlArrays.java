package org.videochat.platform;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A PostgreSQL text[] literal for {@code CAST(? AS text[])}. Every element is quoted, so a
 * username such as {@code null}, or one with a comma, a quote or a brace, stays itself.
 */
public final class SqlArrays {

    private SqlArrays() {}

    public static String text(Collection<String> values) {
        return values.stream()
                .map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }
}
