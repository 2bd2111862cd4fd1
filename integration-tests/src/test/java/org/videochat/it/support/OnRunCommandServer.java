package org.videochat.it.support;

import java.net.URI;

/**
 * Tests against the application server the run command started with videochat.ear: Payara
 * Server in integration-tests, WildFly in wildfly-tests (it.server.url).
 */
public abstract class OnRunCommandServer extends AgainstServer {

    protected final URI server = runCommandServer();

    @Override
    public URI uri() {
        return server;
    }
}
