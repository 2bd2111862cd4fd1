package org.videochat.cdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CapturedChangeTest {

    @Test
    void readsADebeziumInsert() {
        CapturedChange c = CapturedChange.parse("""
                {"before":null,"after":{"id":"x","state":"TRYING"},"source":{"table":"call","lsn":123,"ts_ms":456},"op":"c"}""", 789);
        assertEquals("call", c.table());
        assertEquals(123, c.lsn());
        assertEquals(456, c.commitMs());
        assertEquals(789, c.publishMs());
        assertTrue(c.isInsert());
        assertNull(c.before());
        assertEquals("TRYING", c.row().getString("state"));
        assertEquals("call:123:status", c.key("status"), "the key is stable for the same change");
    }

    @Test
    void theRowOfADeleteIsTheRowBefore() {
        CapturedChange c = CapturedChange.parse("""
                {"before":{"id":"x"},"after":null,"source":{"table":"call","lsn":5},"op":"d"}""", 0);
        assertEquals("x", c.row().getString("id"));
        assertEquals(0, c.commitMs());
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(RuntimeException.class, () -> CapturedChange.parse("{\"hello\":1}", 0));
        assertThrows(RuntimeException.class, () -> CapturedChange.parse("not json", 0));
    }
}
