package org.videochat.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void withoutATrustedProxyThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("203.0.113.7", ClientAddresses.of("203.0.113.7", "10.1.1.1", List.of()));
        assertEquals("203.0.113.7", ClientAddresses.of("203.0.113.7", "10.1.1.1", List.of("10.0.0.5")));
    }

    @Test
    void aTrustedProxyNamesTheClientItForwardsFor() {
        assertEquals("198.51.100.9", ClientAddresses.of("10.0.0.5", "198.51.100.9", List.of("10.0.0.5")));
    }

    @Test
    void onlyTheHopsAddedByTrustedProxiesAreBelieved() {
        // The client itself wrote "1.2.3.4" into the header; the proxy appended the real peer.
        assertEquals("198.51.100.9", ClientAddresses.of("10.0.0.5", "1.2.3.4, 198.51.100.9", List.of("10.0.0.5")));
        assertEquals(
                "198.51.100.9",
                ClientAddresses.of("10.0.0.5", "1.2.3.4, 198.51.100.9, 10.0.0.6", List.of("10.0.0.5", "10.0.0.6")));
    }

    @Test
    void aMalformedHeaderFallsBackToTheLastBelievedAddress() {
        assertEquals("10.0.0.5", ClientAddresses.of("10.0.0.5", " , ", List.of("10.0.0.5")));
        assertEquals("10.0.0.5", ClientAddresses.of("10.0.0.5", "x".repeat(100), List.of("10.0.0.5")));
    }
}
