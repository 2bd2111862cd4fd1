package org.videochat.it;

import java.net.URI;

/**
 * {@link CallSignalingTests} against the run command's application server with videochat.ear: Payara
 * Server here, WildFly in the wildfly-tests module (the same class, the same EAR).
 */
class CallSignalingOnServerIT extends CallSignalingTests {

    @Override
    protected URI uri() {
        return runCommandServer();
    }
}
