package org.videochat.admin.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Artemis broker accepts a connection: captured changes and the
 * announcements to the streams travel through it. Bounded to two seconds, so that a broker
 * that does not answer makes the check fail instead of hanging the load balancer's probe.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(name = "jms/videochat")
    ConnectionFactory connections;

    @Resource
    ManagedExecutorService executor;

    @Override
    public HealthCheckResponse call() {
        try {
            CompletableFuture.runAsync(
                            () -> {
                                try (JMSContext jms = connections.createContext()) {
                                    jms.createTopic("videochat.user-events");
                                }
                            },
                            executor)
                    .get(2, TimeUnit.SECONDS);
            return HealthCheckResponse.named("broker").up().build();
        } catch (Exception e) {
            return HealthCheckResponse.named("broker")
                    .down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
