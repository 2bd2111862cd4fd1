package org.videochat.it;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.videochat.it.support.HealthChecks.assertLive;
import static org.videochat.it.support.HealthChecks.assertReady;
import static org.videochat.it.support.HealthChecks.get;

/**
 * The same checks at /api/health on the application's port, which every server serves (WildFly
 * serves MicroProfile Health only on its management port, without an EAR's checks): run against
 * Payara Server here and WildFly in wildfly-tests.
 */
class HealthOnServerIT {

    private final URI server = URI.create(System.getProperty("it.server.url"));

    @Test
    void readinessChecksTheDatabaseTheBrokerAndChangeDataCapture() throws Exception {
        assertReady(get(server, "api/health/ready"));
    }

    @Test
    void livenessReportsTheSignalingStreams() throws Exception {
        assertLive(get(server, "api/health/live"));
    }
}
