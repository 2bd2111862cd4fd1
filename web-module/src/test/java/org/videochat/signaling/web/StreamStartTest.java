package org.videochat.signaling.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamStartTest {

    @Test
    void aFirstConnectionStartsWithTheNextEvent() {
        assertEquals(new StreamStart(17, null), StreamStart.of(null, 17, 0));
    }

    @Test
    void aReconnectionResumesAfterItsLastEvent() {
        assertEquals(new StreamStart(12, null), StreamStart.of(12L, 17, 5));
        assertEquals(new StreamStart(17, null), StreamStart.of(17L, 17, 5));
        assertEquals(new StreamStart(5, null), StreamStart.of(5L, 17, 5));
    }

    @Test
    void anIdThisLogNeverHadAsksForAResync() {
        assertEquals(new StreamStart(17, "unknown-event-id"), StreamStart.of(18L, 17, 0));
    }

    @Test
    void eventsRemovedByRetentionAskForAResync() {
        assertEquals(new StreamStart(17, "history-expired"), StreamStart.of(4L, 17, 5));
    }
}
