package org.videochat.admin.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.videochat.signaling.web.OpenStreams;

/**
 * Alive while this node can hold signaling streams. Liveness deliberately ignores the database
 * and the broker: restarting the app server would not bring them back (readiness covers them).
 */
@Liveness
@ApplicationScoped
public class SignalingLiveness implements HealthCheck {

    @Inject
    OpenStreams streams;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("signaling")
                .up()
                .withData("openStreams", streams.connectionCount())
                .build();
    }
}
