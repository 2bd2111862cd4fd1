package org.videochat.cdc.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeMessageTest {

    private static final List<String> GROUP_BY = List.of("call_id", "id");

    private static String event(String table, String op, long lsn, String before, String after) {
        return """
                {"before":%s,"after":%s,"source":{"table":"%s","lsn":%d,"ts_ms":1700000000123},"op":"%s","ts_ms":1700000000200}""".formatted(before, after, table, lsn, op);
    }

    @Test
    void aSignalIsGroupedByItsCallAndIdentifiedByItsWalPosition() {
        String value = event("call_signal", "c", 4711, "null", "{\"id\":9,\"call_id\":\"c-1\",\"kind\":\"offer\"}");
        ChangeMessage m = ChangeMessage.of("videochat.public.call_signal", "{\"id\":9}", value, GROUP_BY);
        assertEquals("c-1", m.groupId());
        assertEquals("videochat.public.call_signal:4711:c", m.duplicateId());
        assertEquals("call_signal", m.table());
        assertEquals(4711, m.lsn());
        assertEquals(1700000000123L, m.commitMillis());
        assertEquals(value, m.body(), "the body is forwarded unchanged");
    }

    @Test
    void aCallIsItsOwnGroup() {
        ChangeMessage m = ChangeMessage.of(
                "videochat.public.call",
                "{\"id\":\"c-2\"}",
                event(
                        "call",
                        "u",
                        5,
                        "{\"id\":\"c-2\",\"state\":\"TRYING\"}",
                        "{\"id\":\"c-2\",\"state\":\"RINGING\"}"),
                GROUP_BY);
        assertEquals("c-2", m.groupId());
        assertEquals("u", m.operation());
    }

    @Test
    void aDeleteIsGroupedByTheRowBeforeIt() {
        ChangeMessage m = ChangeMessage.of(
                "videochat.public.call",
                "{\"id\":\"c-3\"}",
                event("call", "d", 6, "{\"id\":\"c-3\"}", "null"),
                GROUP_BY);
        assertEquals("c-3", m.groupId());
    }

    @Test
    void theSameChangeAlwaysGetsTheSameDuplicateId() {
        String value = event("call", "c", 77, "null", "{\"id\":\"c-4\"}");
        assertEquals(
                ChangeMessage.of("t", "k", value, GROUP_BY).duplicateId(),
                ChangeMessage.of("t", "k", value, GROUP_BY).duplicateId());
    }

    @Test
    void withoutAGroupColumnTheKeyGroups() {
        ChangeMessage m = ChangeMessage.of(
                "videochat.public.other", "{\"pk\":1}", event("other", "c", 8, "null", "{\"pk\":1}"), GROUP_BY);
        assertEquals("{\"pk\":1}", m.groupId());
    }

    @Test
    void tombstonesAndGarbageAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChangeMessage.of("t", "k", null, GROUP_BY));
        assertThrows(IllegalArgumentException.class, () -> ChangeMessage.of("t", "k", "{nope", GROUP_BY));
    }

    @Test
    void duplicateFailuresAreRecognisedThroughTheCauseChain() {
        var failure = new RuntimeException(
                "commit failed",
                new IllegalStateException("AMQ229119: Duplicate message detected - message will not be routed"));
        assertTrue(JmsChangeSink.isDuplicate(failure));
        assertTrue(!JmsChangeSink.isDuplicate(new RuntimeException("connection lost")));
    }
}
