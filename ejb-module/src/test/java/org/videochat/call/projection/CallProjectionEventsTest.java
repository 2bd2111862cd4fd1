package org.videochat.call.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.videochat.signaling.EventType;

/** How rows of the command tables become the events people receive. */
class CallProjectionEventsTest {

    private static final String CALL = "5f0c6a4e-2b1d-4d57-9a7e-6d0f6c1b2a33";

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void anOfferRingsTheCalleeWithTheCallersNameAndDeadline() {
        CallProjection.Event event = CallProjection.signalEvent(
                "offer", CALL, "alice", "v=0 offer", "Alice Kim", "2026-12-02T10:00:30.000Z");
        assertEquals(EventType.INCOMING_CALL, event.type());
        JsonObject data = read(event.data());
        assertEquals(CALL, data.getString("callId"));
        assertEquals("alice", data.getString("caller"));
        assertEquals("alice", data.getString("from"));
        assertEquals("Alice Kim", data.getString("callerName"));
        assertEquals("v=0 offer", data.getString("sdp"));
        assertEquals("2026-12-02T10:00:30.000Z", data.getString("ringUntil"));
    }

    @Test
    void anOfferWithoutDeadlineOrNameStillRings() {
        JsonObject data = read(CallProjection.signalEvent("offer", CALL, "alice", "v=0", null, null)
                .data());
        assertEquals("alice", data.getString("callerName"));
        assertFalse(data.containsKey("ringUntil"));
    }

    @Test
    void answersCandidatesAndRenegotiationsKeepTheirContent() {
        CallProjection.Event answer = CallProjection.signalEvent("answer", CALL, "bob", "v=0 answer", null, null);
        assertEquals(EventType.ANSWER, answer.type());
        assertEquals("v=0 answer", read(answer.data()).getString("sdp"));

        CallProjection.Event candidates = CallProjection.signalEvent(
                "candidates", CALL, "bob", "[{\"candidate\":\"c1\"},{\"candidate\":\"c2\"}]", null, null);
        assertEquals(EventType.CANDIDATES, candidates.type());
        assertEquals(2, read(candidates.data()).getJsonArray("candidates").size());

        CallProjection.Event renegotiation =
                CallProjection.signalEvent("renegotiate-answer", CALL, "bob", "v=0 again", null, null);
        assertEquals(EventType.RENEGOTIATE, renegotiation.type());
        assertEquals("answer", read(renegotiation.data()).getString("kind"));
    }

    @Test
    void anUnknownSignalKindIsNotDelivered() {
        assertNull(CallProjection.signalEvent("hologram", CALL, "bob", "x", null, null));
    }

    @Test
    void callStatusNamesTheFieldsForBrowsersAndLeavesOutEmptyOnes() {
        JsonObject row = Json.createObjectBuilder()
                .add("id", CALL)
                .add("state", "ENDED")
                .add("caller", "alice")
                .add("callee", "bob")
                .add("end_reason", "declined")
                .add("ended_by", "bob")
                .addNull("end_detail")
                .add("answered_device", "tab-1")
                .add("created_at", "2026-12-02T10:00:00Z")
                .build();
        JsonObject status = CallProjection.status(row);
        assertEquals(CALL, status.getString("callId"));
        assertEquals("ENDED", status.getString("state"));
        assertEquals("declined", status.getString("reason"));
        assertEquals("bob", status.getString("endedBy"));
        assertEquals("tab-1", status.getString("device"));
        assertFalse(status.containsKey("detail"));
        assertFalse(status.containsKey("replacedBy"));
        assertFalse(status.containsKey("created_at"));
    }
}
