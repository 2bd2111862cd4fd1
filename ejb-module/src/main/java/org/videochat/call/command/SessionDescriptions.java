package org.videochat.call.command;

import java.nio.charset.StandardCharsets;
import org.videochat.platform.RequestRejected;

/** Sanity checks on an SDP offer or answer before it is stored and relayed. */
public final class SessionDescriptions {

    private SessionDescriptions() {}

    /**
     * @throws RequestRejected 400 when missing or not an SDP, 413 when larger than {@code maxBytes}
     */
    public static void check(String sdp, int maxBytes) {
        if (sdp == null || sdp.isBlank()) {
            throw RequestRejected.badRequest("missing-sdp", "The session description (sdp) is required.");
        }
        int bytes = sdp.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw RequestRejected.tooLarge(
                    "sdp-too-large",
                    "The session description has " + bytes + " bytes; at most " + maxBytes + " are accepted.");
        }
        if (!sdp.startsWith("v=0")) {
            throw RequestRejected.badRequest(
                    "invalid-sdp", "The session description must start with \"v=0\" (RFC 8866).");
        }
        if (sdp.indexOf('\0') >= 0) {
            throw RequestRejected.badRequest("invalid-sdp", "The session description contains a NUL character.");
        }
    }
}
