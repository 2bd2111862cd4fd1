package org.videochat.it;

import org.videochat.it.support.AgainstServer;

import java.net.URI;

/**
 * {@link CallProtocolTests} against the run command's application server with videochat.ear: Payara
 * Server here, WildFly in the wildfly-tests module (the same class, the same EAR).
 */
class CallProtocolOnServerIT extends AgainstServer implements CallProtocolTests {

    @Override
    public URI uri() {
        return runCommandServer();
    }
}
