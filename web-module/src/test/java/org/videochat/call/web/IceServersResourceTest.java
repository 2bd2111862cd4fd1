package org.videochat.call.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IceServersResourceTest {

    @Test
    void theCredentialIsBase64OfHmacSha1OfTheUsername() {
        // Computed independently: printf '1700000000:alice' | openssl dgst -sha1 -hmac 'north' -binary | base64
        assertEquals("Cd/49soE35ICqcJF/bCTn8Z4OyE=", IceServersResource.credential("north", "1700000000:alice"));
    }
}
