package org.videochat.it;

import org.videochat.it.support.OnRunCommandServer;

/**
 * {@link CallProtocolTests} against the run command's application server with videochat.ear: Payara
 * Server here, WildFly in the wildfly-tests module (the same class, the same EAR).
 */
class CallProtocolOnServerIT extends OnRunCommandServer implements CallProtocolTests {}
