package org.videochat.it;

/** The same checks as MicroProfile Health serves them on Payara Server's HTTP port, at /health. */
class HealthIT extends HealthOnServerIT {

    @Override
    protected String health() {
        return "health/";
    }
}
