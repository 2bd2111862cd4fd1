package org.videochat.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInLimitsTest {

    private static SignInLimits limits(int failures, int rememberSeconds) {
        SignInLimits limits = new SignInLimits();
        limits.failuresPerSource = failures;
        limits.rememberSeconds = rememberSeconds;
        return limits;
    }

    @Test
    void aSourceThatFailedTooOftenGetsNoMoreChecksThisMinute() {
        SignInLimits limits = limits(3, 60);
        long now = 10 * 60_000L;
        for (int i = 0; i < 3; i++) {
            assertTrue(limits.mayCheck("198.51.100.9", now));
            limits.failed("198.51.100.9", now);
        }
        assertFalse(limits.mayCheck("198.51.100.9", now + 1_000));
        assertTrue(limits.mayCheck("203.0.113.7", now), "other sources are not affected");
        assertTrue(limits.mayCheck("198.51.100.9", now + 60_000), "the next minute starts afresh");
    }

    @Test
    void verifiedCredentialsAreRememberedForAWhileAndOnlyExactly() {
        SignInLimits limits = limits(3, 60);
        long now = 1_000_000L;
        limits.remember("alice", "secret".toCharArray(), new SignInLimits.Verified("alice", Set.of("user"), now));
        assertEquals(
                "alice",
                limits.remembered("alice", "secret".toCharArray(), now + 59_000).username());
        assertNull(limits.remembered("alice", "Secret".toCharArray(), now + 1_000), "another password is checked");
        assertNull(limits.remembered("alice", "secret".toCharArray(), now + 61_000), "forgotten after the time");
    }

    @Test
    void aWrongPasswordForTheNameForgetsWhatWasRemembered() {
        SignInLimits limits = limits(3, 60);
        limits.remember("alice", "secret".toCharArray(), new SignInLimits.Verified("alice", Set.of("user"), 0));
        limits.forget("alice");
        assertNull(limits.remembered("alice", "secret".toCharArray(), 1));
    }

    @Test
    void zeroSecondsRemembersNothing() {
        SignInLimits limits = limits(3, 0);
        limits.remember("alice", "secret".toCharArray(), new SignInLimits.Verified("alice", Set.of("user"), 0));
        assertNull(limits.remembered("alice", "secret".toCharArray(), 0));
    }
}
