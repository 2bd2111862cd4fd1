package org.videochat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlArraysTest {

    @Test
    void everyElementIsQuotedSoNoneIsReadAsNullOrSplit() {
        assertEquals("{\"alice\",\"null\"}", SqlArrays.text(List.of("alice", "null")));
        assertEquals("{\"a,b\",\"c}\"}", SqlArrays.text(List.of("a,b", "c}")));
        assertEquals("{\"q\\\"x\",\"back\\\\slash\"}", SqlArrays.text(List.of("q\"x", "back\\slash")));
        assertEquals("{}", SqlArrays.text(List.of()));
    }
}
