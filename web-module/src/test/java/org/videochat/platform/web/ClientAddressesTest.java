package org.videochat.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void withoutATrustedProxyThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("203.0.113.7", ClientAddresses.of("203.0.113.7", "10.1.1.1", Set.of()::contains));
        assertEquals("203.0.113.7", ClientAddresses.of("203.0.113.7", "10.1.1.1", Set.of("10.0.0.5")::contains));
    }

    @Test
    void aTrustedProxyNamesTheClientItForwardsFor() {
        assertEquals("198.51.100.9", ClientAddresses.of("10.0.0.5", "198.51.100.9", Set.of("10.0.0.5")::contains));
    }

    @Test
    void onlyTheHopsAddedByTrustedProxiesAreBelieved() {
        // The client itself wrote "1.2.3.4" into the header; the proxy appended the real peer.
        assertEquals(
                "198.51.100.9", ClientAddresses.of("10.0.0.5", "1.2.3.4, 198.51.100.9", Set.of("10.0.0.5")::contains));
        assertEquals(
                "198.51.100.9",
                ClientAddresses.of(
                        "10.0.0.5", "1.2.3.4, 198.51.100.9, 10.0.0.6", Set.of("10.0.0.5", "10.0.0.6")::contains));
    }

    @Test
    void aMalformedHeaderFallsBackToTheLastBelievedAddress() {
        assertEquals("10.0.0.5", ClientAddresses.of("10.0.0.5", " , ", Set.of("10.0.0.5")::contains));
        assertEquals("10.0.0.5", ClientAddresses.of("10.0.0.5", "x".repeat(100), Set.of("10.0.0.5")::contains));
    }
}
