package org.videochat.signaling.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.videochat.platform.RequestRejected;

class LastEventIdTest {

    @Test
    void absentMeansStartWithTheNextEvent() {
        assertNull(EventsResource.parse(null));
        assertNull(EventsResource.parse(""));
    }

    @Test
    void readsTheNumberTheStreamSent() {
        assertEquals(42L, EventsResource.parse("42"));
        assertEquals(7L, EventsResource.parse(" 7 "));
    }

    @Test
    void refusesAnythingElse() {
        assertThrows(RequestRejected.class, () -> EventsResource.parse("-1"));
        assertThrows(RequestRejected.class, () -> EventsResource.parse("12abc"));
        assertThrows(RequestRejected.class, () -> EventsResource.parse("9999999999999999999999"));
    }
}
