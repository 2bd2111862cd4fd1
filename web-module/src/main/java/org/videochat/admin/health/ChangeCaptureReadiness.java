package org.videochat.admin.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.videochat.admin.cdc.ReplicationSlot;

/**
 * Ready only while change data capture keeps up: Debezium Server holds the replication slot
 * (the slot is active) and has confirmed the write-ahead log to within the configured lag.
 * Without it calls would be stored but nobody's browser would ring.
 */
@Readiness
@ApplicationScoped
public class ChangeCaptureReadiness implements HealthCheck {

    @Inject
    ReplicationSlot slot;

    @Inject
    @ConfigProperty(name = "videochat.health.max-cdc-lag-bytes")
    long maxLagBytes;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("change-data-capture").withData("slot", slot.name());
        try {
            return slot.read()
                    .map(s -> response.status(s.active() && s.lagBytes() <= maxLagBytes)
                            .withData("active", s.active())
                            .withData("lagBytes", s.lagBytes())
                            .withData("maxLagBytes", maxLagBytes)
                            .build())
                    .orElseGet(() -> response.down()
                            .withData("error", "no such replication slot")
                            .build());
        } catch (Exception e) {
            return response.down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
