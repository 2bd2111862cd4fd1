package org.videochat.it.support;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Direct reads of the test database, to check what the application wrote. */
public final class Db {

    private Db() {}

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), "videochat", Secrets.dbPassword());
    }

    public static long count(String sql, Object... params) throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    public static java.util.List<String[]> rows(String sql) throws SQLException {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = r.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    public static String string(String sql, Object... params) throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** A statement that changes the database (for tests that stage a fault, and undo it). */
    public static void execute(String sql) throws SQLException {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }

    /** A person with a local password and role user, written straight into the directory. */
    public static void createUser(String username, String displayName, String password) throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 100_000, 256))
                .getEncoded();
        String stored = "PBKDF2WithHmacSHA256:100000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
        try (var c = connect();
                var user = c.prepareStatement(
                        "INSERT INTO app_user (username, display_name, password_hash) VALUES (?, ?, ?)");
                var role = c.prepareStatement("INSERT INTO app_user_role (username, role) VALUES (?, 'user')")) {
            user.setString(1, username);
            user.setString(2, displayName);
            user.setString(3, stored);
            user.executeUpdate();
            role.setString(1, username);
            role.executeUpdate();
        }
    }
}
