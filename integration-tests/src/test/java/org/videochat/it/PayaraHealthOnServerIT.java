package org.videochat.it;

/**
 * The same checks as MicroProfile Health serves them on Payara Server's HTTP port, at /health
 * (WildFly leaves an EAR's checks out of its own endpoint, so wildfly-tests skips this one).
 */
class PayaraHealthOnServerIT extends HealthOnServerIT {

    @Override
    protected String health() {
        return "health/";
    }
}
