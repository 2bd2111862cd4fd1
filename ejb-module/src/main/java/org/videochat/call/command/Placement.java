package org.videochat.call.command;

import org.videochat.platform.RequestRejected;

/**
 * What placing a call does, decided from the situation alone: who may be called, and whether
 * the call rings, meets a busy callee or crosses the callee's call to the caller (glare).
 */
final class Placement {

    enum Decision {
        /** The call rings the callee. */
        RING,
        /** Both called each other; this call wins (its caller's name sorts first) and the other one ends. */
        WIN_GLARE,
        /** Both called each other; this call ends at once with {@code glare}, the other one rings. */
        LOSE_GLARE,
        /** The callee has Do Not Disturb on: {@code busy}, detail {@code dnd}. */
        BUSY_DND,
        /** The callee is in another call: {@code busy}, detail {@code in-call}. */
        BUSY_IN_CALL
    }

    private Placement() {}

    static void checkCallee(String caller, String callee) {
        if (callee == null || callee.isBlank()) {
            throw RequestRejected.badRequest("missing-callee", "The callee (a username) is required.");
        }
        if (callee.length() > 64) {
            throw RequestRejected.badRequest("invalid-callee", "A username has at most 64 characters.");
        }
        if (callee.equals(caller)) {
            throw RequestRejected.unprocessable("self-call", "You cannot call yourself.");
        }
    }

    /**
     * Ringing someone disturbs them: a caller may place {@code maxPerCaller} calls a minute, and
     * ring the same person {@code maxPerPair} times a minute. Refused with 429 and the seconds until
     * the oldest call of the minute leaves it.
     *
     * @param byCaller    calls the caller placed in the last minute
     * @param byPair      of those, to this callee
     * @param callerFreeIn seconds until the caller's oldest call of the minute is a minute old
     * @param pairFreeIn  the same for the calls to this callee
     */
    static void checkRate(
            long byCaller, long byPair, int maxPerCaller, int maxPerPair, long callerFreeIn, long pairFreeIn) {
        if (byPair >= maxPerPair) {
            throw new RequestRejected(
                            429,
                            "calling-too-often",
                            "You have called this person " + byPair + " times in the last minute; wait a little.")
                    .retryAfter(pairFreeIn);
        }
        if (byCaller >= maxPerCaller) {
            throw new RequestRejected(
                            429,
                            "calling-too-often",
                            "You have placed " + byCaller + " calls in the last minute; wait a little.")
                    .retryAfter(callerFreeIn);
        }
    }

    /**
     * @param calleeIsCallingCaller the callee has an unanswered call to the caller right now
     * @param callerHasOtherCalls   the caller has an unfinished call (other than such a crossing one)
     */
    static Decision decide(
            String caller,
            String callee,
            boolean calleeIsCallingCaller,
            boolean callerHasOtherCalls,
            boolean calleeDnd,
            boolean calleeInCall) {
        if (calleeIsCallingCaller) {
            // Deterministic winner, whatever the timing: both sides reach the same answer.
            return caller.compareTo(callee) < 0 ? Decision.WIN_GLARE : Decision.LOSE_GLARE;
        }
        if (callerHasOtherCalls) {
            throw new RequestRejected(409, "already-in-call", "You are already in a call; hang up first.");
        }
        if (calleeDnd) {
            return Decision.BUSY_DND;
        }
        return calleeInCall ? Decision.BUSY_IN_CALL : Decision.RING;
    }
}
