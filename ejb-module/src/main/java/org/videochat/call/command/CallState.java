package org.videochat.call.command;

/** Where a call is: offer stored, ringing on a callee tab, answered, over. */
public enum CallState {
    TRYING,
    RINGING,
    CONNECTED,
    ENDED
}
