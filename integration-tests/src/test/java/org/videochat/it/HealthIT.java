package org.videochat.it;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.videochat.it.support.HealthChecks.assertLive;
import static org.videochat.it.support.HealthChecks.assertReady;
import static org.videochat.it.support.HealthChecks.get;

/** MicroProfile Health as Payara Server serves it on the HTTP port, at /health. */
class HealthIT {

    private final URI server = URI.create(System.getProperty("it.server.url"));

    @Test
    void readinessChecksTheDatabaseTheBrokerAndChangeDataCapture() throws Exception {
        assertReady(get(server, "health/ready"));
    }

    @Test
    void livenessReportsTheSignalingStreams() throws Exception {
        assertLive(get(server, "health/live"));
    }
}
