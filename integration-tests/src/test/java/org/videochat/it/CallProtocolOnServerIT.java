package org.videochat.it;

import java.net.URI;

/**
 * {@link CallProtocolTests} against the run command's application server with videochat.ear: Payara
 * Server here, WildFly in the wildfly-tests module (the same class, the same EAR).
 */
class CallProtocolOnServerIT extends CallProtocolTests {

    @Override
    protected URI uri() {
        return runCommandServer();
    }
}
