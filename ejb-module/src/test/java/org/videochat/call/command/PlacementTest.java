package org.videochat.call.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.videochat.call.command.Placement.Decision;
import org.videochat.platform.RequestRejected;

class PlacementTest {

    @Test
    void aFreeCalleeRings() {
        assertEquals(Decision.RING, Placement.decide("alice", "bob", false, false, false, false));
    }

    @Test
    void doNotDisturbAnswersBusyBeforeAnythingElse() {
        assertEquals(Decision.BUSY_DND, Placement.decide("alice", "bob", false, false, true, true));
    }

    @Test
    void aCalleeInAnotherCallIsBusy() {
        assertEquals(Decision.BUSY_IN_CALL, Placement.decide("alice", "bob", false, false, false, true));
    }

    @Test
    void aCallerAlreadyInACallIsRefused() {
        RequestRejected refused =
                assertThrows(RequestRejected.class, () -> Placement.decide("alice", "bob", false, true, false, false));
        assertEquals(409, refused.status());
        assertEquals("already-in-call", refused.code());
    }

    @Test
    void crossingCallsKeepTheCallOfTheNameThatSortsFirst() {
        assertEquals(Decision.WIN_GLARE, Placement.decide("alice", "bob", true, true, false, false));
        assertEquals(Decision.LOSE_GLARE, Placement.decide("bob", "alice", true, true, false, false));
        // Glare is decided before Do Not Disturb or another call: the callee is calling right now.
        assertEquals(Decision.LOSE_GLARE, Placement.decide("bob", "alice", true, false, true, true));
    }

    @Test
    void theCalleeMustBeSomeoneElse() {
        assertEquals(
                "missing-callee",
                assertThrows(RequestRejected.class, () -> Placement.checkCallee("alice", " "))
                        .code());
        assertEquals(
                "missing-callee",
                assertThrows(RequestRejected.class, () -> Placement.checkCallee("alice", null))
                        .code());
        assertEquals(
                "invalid-callee",
                assertThrows(RequestRejected.class, () -> Placement.checkCallee("alice", "x".repeat(65)))
                        .code());
        RequestRejected self = assertThrows(RequestRejected.class, () -> Placement.checkCallee("alice", "alice"));
        assertEquals(422, self.status());
        assertEquals("self-call", self.code());
        Placement.checkCallee("alice", "x".repeat(64));
    }

    @Test
    void ringingTheSamePersonTooOftenIsRefusedUntilTheOldestCallIsAMinuteOld() {
        Placement.checkRate(19, 5, 20, 6, 30, 40);
        RequestRejected pair = assertThrows(RequestRejected.class, () -> Placement.checkRate(6, 6, 20, 6, 50, 12));
        assertEquals(429, pair.status());
        assertEquals("calling-too-often", pair.code());
        assertEquals(12, pair.retryAfterSeconds());
        RequestRejected caller = assertThrows(RequestRejected.class, () -> Placement.checkRate(20, 1, 20, 6, 50, 12));
        assertEquals(50, caller.retryAfterSeconds());
    }
}
