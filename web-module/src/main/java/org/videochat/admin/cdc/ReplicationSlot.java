package org.videochat.admin.cdc;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The replication slot Debezium Server reads, as PostgreSQL reports it: whether Debezium holds it,
 * and how far its confirmed position lags behind the write-ahead log, in bytes and in the time
 * PostgreSQL measured between writing and Debezium's confirmation. Readiness and the console ask here.
 */
@ApplicationScoped
public class ReplicationSlot {

    /** {@code lagMs} is 0 when PostgreSQL has nothing to measure (Debezium confirmed everything). */
    public record State(String name, boolean active, long lagBytes, long lagMs, String confirmedLsn) {}

    @Resource(name = "jdbc/videochat")
    DataSource database;

    @Inject
    @ConfigProperty(name = "videochat.health.cdc-slot")
    String name;

    public String name() {
        return name;
    }

    /** The slot's state, or nothing when there is no such slot. */
    public Optional<State> read() throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement q = c.prepareStatement("""
                     SELECT s.active, pg_wal_lsn_diff(pg_current_wal_lsn(), s.confirmed_flush_lsn)::bigint,
                            coalesce((extract(epoch FROM r.flush_lag) * 1000)::bigint, 0), s.confirmed_flush_lsn::text
                     FROM pg_replication_slots s LEFT JOIN pg_stat_replication r ON r.pid = s.active_pid
                     WHERE s.slot_name = ?""")) {
            q.setString(1, name);
            try (ResultSet r = q.executeQuery()) {
                return r.next()
                        ? Optional.of(new State(
                                name, r.getBoolean(1), r.getLong(2), r.getLong(3), String.valueOf(r.getString(4))))
                        : Optional.empty();
            }
        }
    }
}
