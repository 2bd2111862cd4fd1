package org.videochat.call.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.videochat.platform.RequestRejected;

class IceCandidatesTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static RequestRejected rejected(String text) {
        return assertThrows(RequestRejected.class, () -> IceCandidates.check(json(text), 3, 100));
    }

    @Test
    void keepsOnlyTheKnownFields() {
        String out = IceCandidates.check(json("""
                [{"candidate":"candidate:1 1 udp 1 10.0.0.1 5000 typ host","sdpMid":"0","sdpMLineIndex":0,"usernameFragment":"u","evil":"<script>"},
                 {"candidate":"","sdpMid":"1"}]"""), 3, 100);
        assertEquals(
                "[{\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 5000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"u\"},"
                        + "{\"candidate\":\"\",\"sdpMid\":\"1\"}]",
                out);
    }

    @Test
    void refusesWhatIsNotABatchOfCandidates() {
        assertEquals("invalid-candidates", rejected("{}").code());
        assertEquals("invalid-candidates", rejected("[]").code());
        assertEquals("invalid-candidates", rejected("[1]").code());
        assertEquals("invalid-candidates", rejected("[{\"sdpMid\":\"0\"}]").code());
        assertEquals(
                "invalid-candidates",
                rejected("[{\"candidate\":\"x\",\"sdpMid\":\"0\"}]").code());
        assertEquals(
                "invalid-candidates",
                rejected("[{\"candidate\":\"candidate:1\"}]").code());
        assertEquals(
                "invalid-candidates",
                rejected("[{\"candidate\":\"candidate:1\",\"sdpMLineIndex\":-1}]")
                        .code());
        assertEquals(
                "invalid-candidates",
                rejected("[{\"candidate\":5,\"sdpMid\":\"0\"}]").code());
    }

    @Test
    void limitsBatchAndLength() {
        RequestRejected many = rejected(
                "[" + "{\"candidate\":\"\",\"sdpMid\":\"0\"},".repeat(3) + "{\"candidate\":\"\",\"sdpMid\":\"0\"}]");
        assertEquals(413, many.status());
        assertEquals("too-many-candidates", many.code());
        RequestRejected longLine = rejected("[{\"candidate\":\"candidate:" + "1".repeat(100) + "\",\"sdpMid\":\"0\"}]");
        assertEquals("candidate-too-large", longLine.code());
    }
}
