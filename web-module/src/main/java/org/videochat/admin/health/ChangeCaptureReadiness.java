package org.videochat.admin.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Ready only while change data capture keeps up: Debezium Server holds the replication slot
 * (the slot is active) and has confirmed the write-ahead log to within the configured lag.
 * Without it calls would be stored but nobody's browser would ring.
 */
@Readiness
@ApplicationScoped
public class ChangeCaptureReadiness implements HealthCheck {

    @Resource(name = "jdbc/videochat")
    DataSource database;

    @Inject
    @ConfigProperty(name = "videochat.health.cdc-slot")
    String slot;

    @Inject
    @ConfigProperty(name = "videochat.health.max-cdc-lag-bytes")
    long maxLagBytes;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("change-data-capture").withData("slot", slot);
        try (Connection c = database.getConnection();
             PreparedStatement q = c.prepareStatement("""
                     SELECT active, pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint
                     FROM pg_replication_slots WHERE slot_name = ?""")) {
            q.setString(1, slot);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    return response.down().withData("error", "no such replication slot").build();
                }
                boolean active = r.getBoolean(1);
                long lag = r.getLong(2);
                return response.status(active && lag <= maxLagBytes)
                        .withData("active", active).withData("lagBytes", lag).withData("maxLagBytes", maxLagBytes).build();
            }
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
