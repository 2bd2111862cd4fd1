package org.videochat.signaling.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.videochat.signaling.EventType;

class EventTypesScriptTest {

    private static final Path SCRIPTS = Path.of("src/main/webapp/js");

    @Test
    void theScriptNamesEveryEventTypeAsJavaDoes() {
        String script = EventTypesScript.script();
        for (EventType type : EventType.values()) {
            assertTrue(script.contains("  " + type.name() + ": '" + type.wireName() + "'"), type + " in " + script);
        }
        String handled = script.substring(script.indexOf("HANDLED_EVENT_TYPES"));
        assertTrue(handled.contains("EventType.INCOMING_CALL") && handled.contains("EventType.RESYNC"), handled);
        assertFalse(handled.contains("EventType.HEARTBEAT"), "the heartbeat is not handed to pages");
    }

    @Test
    void wireNamesAreUnique() {
        assertEquals(
                EventType.values().length,
                Stream.of(EventType.values())
                        .map(EventType::wireName)
                        .distinct()
                        .count());
    }

    /** Names that mean nothing else in the scripts ("answer" is also an SDP type, "presence" a field). */
    @Test
    void noScriptSpellsAnEventNameItself() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> scripts;
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            scripts = files.filter(f -> f.toString().endsWith(".js")).toList();
        }
        assertTrue(scripts.size() >= 5, "the call screen's scripts are found in " + SCRIPTS.toAbsolutePath());
        for (Path file : scripts) {
            String text = Files.readString(file);
            for (EventType type :
                    List.of(EventType.INCOMING_CALL, EventType.CALL_STATUS, EventType.RESYNC, EventType.HEARTBEAT)) {
                if (text.contains("'" + type.wireName() + "'") || text.contains("\"" + type.wireName() + "\"")) {
                    found.add(file.getFileName() + ": " + type.wireName());
                }
            }
        }
        assertEquals(List.of(), found, "use EventType from event-types.js");
    }
}
