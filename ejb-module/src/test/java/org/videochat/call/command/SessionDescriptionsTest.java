package org.videochat.call.command;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.videochat.platform.RequestRejected;

class SessionDescriptionsTest {

    private static RequestRejected rejected(String sdp, int max) {
        return assertThrows(RequestRejected.class, () -> SessionDescriptions.check(sdp, max));
    }

    @Test
    void acceptsAnSdp() {
        assertDoesNotThrow(() -> SessionDescriptions.check("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n", 1024));
    }

    @Test
    void refusesMissingBlankAndForeignText() {
        assertEquals("missing-sdp", rejected(null, 10).code());
        assertEquals("missing-sdp", rejected("  ", 10).code());
        assertEquals("invalid-sdp", rejected("hello", 10).code());
        assertEquals(400, rejected("hello", 10).status());
        assertEquals("invalid-sdp", rejected("v=0\0", 10).code());
    }

    @Test
    void countsBytesNotCharacters() {
        String sdp = "v=0" + "한".repeat(10); // 3 + 30 bytes in UTF-8
        assertDoesNotThrow(() -> SessionDescriptions.check(sdp, 33));
        RequestRejected tooLarge = rejected(sdp, 32);
        assertEquals(413, tooLarge.status());
        assertEquals("sdp-too-large", tooLarge.code());
    }
}
