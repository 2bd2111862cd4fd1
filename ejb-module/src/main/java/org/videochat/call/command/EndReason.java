package org.videochat.call.command;

/** Why a call ended; the wire value is the lower-case name. */
public enum EndReason {
    /** The callee declined. */
    DECLINED,
    /** The caller gave up before an answer. */
    CANCELLED,
    /** Nobody answered before the ring timeout. */
    NO_ANSWER,
    /** The callee was already in a call (or does not want to be disturbed). */
    BUSY,
    /** A participant hung up a connected call ({@code ended_by} says who). */
    HANGUP,
    /** A participant reported that media could not be established or was lost. */
    FAILED,
    /** Both called each other at once; this call gave way to the other ({@code replaced_by}). */
    GLARE,
    /** An operator ended the call. */
    ENDED_BY_ADMIN;

    public String wire() {
        return name().toLowerCase();
    }
}
