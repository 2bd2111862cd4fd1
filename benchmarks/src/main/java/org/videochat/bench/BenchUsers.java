package org.videochat.bench;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The people the benchmark signs in as: bench0001, bench0002 … written straight into the
 * benchmark database. Their password hashes use 1,000 PBKDF2 iterations instead of the
 * application's 100,000 so that signing in hundreds of people measures the login page, not
 * the key derivation (the hash records its own iterations, so the identity store accepts it).
 */
final class BenchUsers {

    static final String PASSWORD = "bench-password";

    private BenchUsers() {}

    static String name(int i) {
        return "bench%04d".formatted(i);
    }

    static void create(String jdbcUrl, int count) throws Exception {
        try (Connection db = BenchDatabase.connect(jdbcUrl)) {
            db.setAutoCommit(false);
            try (PreparedStatement user = db.prepareStatement(
                            "INSERT INTO app_user (username, display_name, password_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
                    PreparedStatement role = db.prepareStatement(
                            "INSERT INTO app_user_role (username, role) VALUES (?, 'user') ON CONFLICT DO NOTHING")) {
                String hash = hash(PASSWORD);
                for (int i = 1; i <= count; i++) {
                    user.setString(1, name(i));
                    user.setString(2, "Bench User " + i);
                    user.setString(3, hash);
                    user.addBatch();
                    role.setString(1, name(i));
                    role.addBatch();
                }
                user.executeBatch();
                role.executeBatch();
            }
            db.commit();
        }
    }

    /** Signs in users 1..count through the login page, four at a time. */
    static List<Session> signIn(URI base, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Session>> futures = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String username = name(i);
                futures.add(pool.submit(() -> Session.signIn(base, username, PASSWORD)));
            }
            List<Session> sessions = new ArrayList<>();
            for (Future<Session> f : futures) {
                sessions.add(f.get());
            }
            return sessions;
        } finally {
            pool.shutdown();
        }
    }

    private static String hash(String password) throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = 1000;
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                .getEncoded();
        return "PBKDF2WithHmacSHA256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
    }
}
