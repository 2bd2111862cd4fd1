package org.videochat.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The passwords the run command generated for the test stack ({@code $VIDEOCHAT_HOME/secrets.env}). */
public final class Secrets {

    private static Map<String, String> values;

    private Secrets() {}

    public static Path file() {
        return Path.of(System.getProperty("it.home"), "secrets.env");
    }

    public static synchronized String get(String key) {
        if (values == null) {
            Map<String, String> read = new HashMap<>();
            try {
                for (String line : Files.readAllLines(file())) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        read.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the run command writes " + file() + " when it starts the stack", e);
            }
            values = read;
        }
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not in " + file());
        }
        return value;
    }

    public static String dbPassword() {
        return get("VIDEOCHAT_DB_PASSWORD");
    }

    public static String artemisPassword() {
        return get("VIDEOCHAT_ARTEMIS_PASSWORD");
    }
}
