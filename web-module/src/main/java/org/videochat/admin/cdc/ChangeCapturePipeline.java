package org.videochat.admin.cdc;

import static org.videochat.platform.Jsons.JSON;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.signaling.web.DeliveryTimes;

/**
 * How change data capture is doing, for the operations console: Debezium Server's own health,
 * the replication slot ({@link ReplicationSlot}), the last change that reached a user's log, and
 * the signal latency per stage over the last minutes. The first three stages come from the timestamps every
 * event carries in {@code user_event}; the last (projection → SSE write) from this node's
 * deliveries.
 */
@ApplicationScoped
public class ChangeCapturePipeline {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Resource(name = "jdbc/videochat")
    DataSource database;

    @Inject
    DeliveryTimes deliveries;

    @Inject
    ReplicationSlot slot;

    @Inject
    @ConfigProperty(name = "videochat.admin.cdc-health-url")
    String debeziumHealthUrl;

    @Inject
    @ConfigProperty(name = "videochat.admin.latency-window-minutes")
    int windowMinutes;

    public JsonObject status() throws SQLException {
        try (Connection c = database.getConnection()) {
            return JSON.createObjectBuilder()
                    .add("sampledAt", System.currentTimeMillis())
                    .add("debezium", debezium())
                    .add("slot", slot())
                    .add("lastChange", lastChange(c))
                    .add("window", window(c))
                    .build();
        }
    }

    private JsonObjectBuilder debezium() {
        JsonObjectBuilder result = JSON.createObjectBuilder().add("url", debeziumHealthUrl);
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(debeziumHealthUrl))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String status = answer.statusCode() == 200 ? "UP" : "DOWN";
            if (answer.body().startsWith("{")) {
                status = JSON.createReader(new StringReader(answer.body()))
                        .readObject()
                        .getString("status", status);
            }
            return result.add("status", status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result.add("status", "UNREACHABLE").add("error", "interrupted");
        } catch (Exception e) {
            return result.add("status", "UNREACHABLE").add("error", e.getClass().getSimpleName());
        }
    }

    private JsonObjectBuilder slot() throws SQLException {
        JsonObjectBuilder result = JSON.createObjectBuilder().add("name", slot.name());
        return slot.read()
                .map(s -> result.add("exists", true)
                        .add("active", s.active())
                        .add("lagBytes", s.lagBytes())
                        .add("lagMs", s.lagMs())
                        .add("confirmedLsn", s.confirmedLsn()))
                .orElseGet(() -> result.add("exists", false));
    }

    private JsonObjectBuilder lastChange(Connection c) throws SQLException {
        JsonObjectBuilder result = JSON.createObjectBuilder();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT source_key, cdc_commit_ms, (extract(epoch FROM projected_at) * 1000)::bigint
                FROM user_event ORDER BY projected_at DESC LIMIT 1""");
                ResultSet r = q.executeQuery()) {
            if (r.next()) {
                result.add("source", r.getString(1)).add("projectedAt", r.getLong(3));
                long committed = r.getLong(2);
                if (!r.wasNull()) {
                    result.add("committedAt", committed);
                }
            }
        }
        return result;
    }

    private JsonObjectBuilder window(Connection c) throws SQLException {
        long windowMs = windowMinutes * 60_000L;
        JsonObjectBuilder result = JSON.createObjectBuilder().add("minutes", windowMinutes);
        try (PreparedStatement q = c.prepareStatement("""
                SELECT count(*), count(DISTINCT source_key),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY cdc_publish_ms - cdc_commit_ms),
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY cdc_publish_ms - cdc_commit_ms),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM projected_at) * 1000 - cdc_publish_ms),
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM projected_at) * 1000 - cdc_publish_ms)
                FROM user_event WHERE projected_at > now() - make_interval(mins => ?)""")) {
            q.setInt(1, windowMinutes);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                long events = r.getLong(1);
                long changes = r.getLong(2);
                result.add("events", events)
                        .add("changes", changes)
                        .add("eventsPerSecond", events * 1000.0 / windowMs)
                        .add("changesPerSecond", changes * 1000.0 / windowMs)
                        .add("commitToPublish", stage(events, r.getDouble(3), r.getDouble(4)))
                        .add("publishToProjection", stage(events, r.getDouble(5), r.getDouble(6)));
            }
        }
        DeliveryTimes.Stage sse = deliveries.since(System.currentTimeMillis() - windowMs);
        return result.add("projectionToSse", stage(sse.count(), sse.p50(), sse.p95()));
    }

    private static JsonObjectBuilder stage(long count, double p50, double p95) {
        return JSON.createObjectBuilder()
                .add("count", count)
                .add("p50", Math.round(p50))
                .add("p95", Math.round(p95));
    }
}
