package org.videochat.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videochat.it.support.Deployments;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.SseClient;

import java.net.URI;
import java.net.URL;

/** {@link CallSignalingTests} on Payara Micro (Arquillian), the modules deployed as one WAR. */
@ExtendWith(ArquillianExtension.class)
class CallSignalingIT extends CallSignalingTests {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.videochat();
    }

    @ArquillianResource
    URL base;

    @Override
    protected URI uri() throws Exception {
        return base.toURI();
    }

    @Test
    void streamsOnAnotherNodeHearEventsProjectedAnywhere() throws Exception {
        // Bob listens on this Payara Micro node; Alice calls through the Payara Server node
        // that the run command started. The announcement crosses nodes on the JMS topic.
        URI server = runCommandServer();
        try (SseClient bob = SseClient.open(uri(), "bob", Api.PASSWORD, null)) {
            String id = new Calls(server).place("alice", "bob");
            bob.await(e -> e.type().equals("incoming-call") && e.data().contains(id), CDC);
        }
    }
}
