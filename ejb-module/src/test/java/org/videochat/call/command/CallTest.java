package org.videochat.call.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.videochat.platform.RequestRejected;

class CallTest {

    private static Call call() {
        return Call.place("alice", "bob", 45);
    }

    private static void assertConflict(String code, Runnable action) {
        RequestRejected rejected = assertThrows(RequestRejected.class, action::run);
        assertEquals(409, rejected.status());
        assertEquals(code, rejected.code());
    }

    @Test
    void aNewCallIsTryingWithARingDeadline() {
        Call c = call();
        assertEquals(CallState.TRYING, c.state());
        assertNotNull(c.ringDeadline());
        assertEquals("bob", c.otherParty("alice"));
        assertTrue(c.isParticipant("bob"));
        assertFalse(c.isParticipant("carol"));
    }

    @Test
    void ringingIsIdempotentAndAcceptConnects() {
        Call c = call();
        c.ring();
        c.ring();
        assertEquals(CallState.RINGING, c.state());
        c.accept("tab-1");
        assertEquals(CallState.CONNECTED, c.state());
        assertNull(c.ringDeadline(), "a connected call no longer rings");
        assertConflict("already-answered", () -> c.accept("tab-2"));
        assertConflict("illegal-transition", c::ring);
        assertConflict("illegal-transition", c::cancel);
        c.hangUp("bob");
        assertEquals("hangup", c.endReason());
    }

    @Test
    void everyEndHasItsReason() {
        Call declined = call();
        declined.decline("busy day");
        assertEquals("declined", declined.endReason());
        Call cancelled = call();
        cancelled.cancel();
        assertEquals("cancelled", cancelled.endReason());
        Call failed = call();
        failed.accept(null);
        failed.fail("alice", "ice-failed");
        assertEquals("failed", failed.endReason());
        Call expired = call();
        assertTrue(expired.expire());
        assertEquals("no_answer", expired.endReason());
        UUID survivor = UUID.randomUUID();
        Call glare = call();
        glare.loseGlare(survivor);
        assertEquals("glare", glare.endReason());
        assertEquals(survivor, glare.replacedBy());
        Call busy = Call.endedAtOnce("alice", "bob", EndReason.BUSY, "in-call", null);
        assertEquals(CallState.ENDED, busy.state());
        assertEquals("busy", busy.endReason());
    }

    @Test
    void anEndedCallRefusesEverything() {
        Call c = call();
        c.cancel();
        assertConflict("call-ended", c::ring);
        assertConflict("call-ended", () -> c.accept("x"));
        assertConflict("call-ended", () -> c.decline(null));
        assertConflict("call-ended", () -> c.hangUp("bob"));
        assertConflict("call-ended", () -> c.fail("bob", null));
        assertConflict("call-ended", () -> c.requireConnectedOrRinging("send candidates for"));
        assertFalse(c.expire(), "the timeout leaves an ended call alone");
        assertEquals("cancelled", c.endReason());
    }

    @Test
    void onlyAConnectedCallCanBeHungUpOrRenegotiated() {
        Call c = call();
        assertConflict("illegal-transition", () -> c.hangUp("alice"));
        assertConflict("illegal-transition", () -> c.requireConnected("renegotiate"));
        assertEquals(CallState.TRYING, c.state(), "a refused hang-up leaves the call as it was");
        c.ring();
        assertConflict("illegal-transition", () -> c.hangUp("alice"));
        assertEquals(CallState.RINGING, c.state());
    }
}
