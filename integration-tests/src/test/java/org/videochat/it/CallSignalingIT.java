package org.videochat.it;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.videochat.it.support.Api;
import org.videochat.it.support.Calls;
import org.videochat.it.support.OnPayaraMicro;
import org.videochat.it.support.SseClient;

/** {@link CallSignalingTests} on Payara Micro (Arquillian), the modules deployed as one WAR. */
class CallSignalingIT extends OnPayaraMicro implements CallSignalingTests {

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
