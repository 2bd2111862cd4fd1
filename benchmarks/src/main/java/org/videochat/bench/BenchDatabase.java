package org.videochat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A connection to the benchmark stack's database, as its application role (password from the stack's secrets.env). */
final class BenchDatabase {

    private BenchDatabase() {}

    static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "videochat", password());
    }

    private static String password() {
        Path secrets = Path.of(System.getProperty("bench.home"), "secrets.env");
        try {
            return Files.readAllLines(secrets).stream()
                    .filter(line -> line.startsWith("VIDEOCHAT_DB_PASSWORD="))
                    .map(line -> line.substring("VIDEOCHAT_DB_PASSWORD=".length()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no VIDEOCHAT_DB_PASSWORD in " + secrets));
        } catch (IOException e) {
            throw new IllegalStateException("the run command writes " + secrets + " when it starts the stack", e);
        }
    }
}
