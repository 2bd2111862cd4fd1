package org.videochat.signaling;

/**
 * The events of the signaling stream: the one place their names are written. The call screen
 * gets the same names from {@code /js/event-types.js}, which is generated from this type.
 * docs/signaling.md describes each event's data.
 */
public enum EventType {

    /** Someone is calling you: the offer, the caller and the ring deadline. Logged. */
    INCOMING_CALL("incoming-call", true),
    /** A call of yours changed state (TRYING, RINGING, CONNECTED, ENDED). Logged. */
    CALL_STATUS("call-status", true),
    /** The callee's SDP answer, to the caller. Logged. */
    ANSWER("answer", true),
    /** The other side's ICE candidates. Logged. */
    CANDIDATES("candidates", true),
    /** A new offer or answer during a connected call (devices, screen sharing). Logged. */
    RENEGOTIATE("renegotiate", true),
    /** Someone's presence changed; broadcast to every stream, never logged. */
    PRESENCE("presence", false),
    /** The events after the client's Last-Event-ID are gone: reload the state. */
    RESYNC("resync", false),
    /** The stream is alive; sent every few seconds, never logged. */
    HEARTBEAT("heartbeat", false),
    /** The benchmark baseline's direct relay (DirectRelayResource), off unless enabled. */
    RELAY("relay", false);

    private final String wireName;
    private final boolean logged;

    EventType(String wireName, boolean logged) {
        this.wireName = wireName;
        this.logged = logged;
    }

    /** The SSE {@code event:} field and the {@code user_event.type} column. */
    public String wireName() {
        return wireName;
    }

    /** Whether the event is kept in the recipient's log, with an id, and replayed after a reconnection. */
    public boolean logged() {
        return logged;
    }
}
