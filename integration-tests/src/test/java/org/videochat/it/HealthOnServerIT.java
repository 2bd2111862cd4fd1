package org.videochat.it;

import static org.videochat.it.support.HealthChecks.assertLive;
import static org.videochat.it.support.HealthChecks.assertReady;
import static org.videochat.it.support.HealthChecks.get;

import org.junit.jupiter.api.Test;
import org.videochat.it.support.OnRunCommandServer;

/**
 * The health checks at /api/health on the application's port, which every server serves (WildFly
 * serves MicroProfile Health only on its management port, without an EAR's checks): run against
 * Payara Server here and WildFly in wildfly-tests. {@link PayaraHealthOnServerIT} asks Payara's /health.
 */
class HealthOnServerIT extends OnRunCommandServer {

    /** Where the checks are answered, relative to the application. */
    protected String health() {
        return "api/health/";
    }

    @Test
    void readinessChecksTheDatabaseTheBrokerAndChangeDataCapture() throws Exception {
        assertReady(get(server, health() + "ready"));
    }

    @Test
    void livenessReportsTheSignalingStreams() throws Exception {
        assertLive(get(server, health() + "live"));
    }
}
