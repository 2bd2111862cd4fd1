package org.videochat.signaling.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TabViewTest {

    private static final String CONNECTED_ON_TAB_1 =
            "{\"callId\":\"c1\",\"state\":\"CONNECTED\",\"caller\":\"alice\",\"callee\":\"bob\",\"device\":\"tab-1\"}";

    @Test
    void theCalleesOtherTabsSeeTheCallAnsweredElsewhere() {
        JsonObject seen = Json.createReader(
                        new StringReader(TabView.of("call-status", CONNECTED_ON_TAB_1, "bob", "tab-2")))
                .readObject();
        assertEquals("ENDED", seen.getString("state"));
        assertEquals("answered_elsewhere", seen.getString("reason"));
        assertEquals("c1", seen.getString("callId"));
    }

    @Test
    void theAnsweringTabTheCallerAndTabsWithoutIdSeeTheFact() {
        assertEquals(CONNECTED_ON_TAB_1, TabView.of("call-status", CONNECTED_ON_TAB_1, "bob", "tab-1"));
        assertEquals(CONNECTED_ON_TAB_1, TabView.of("call-status", CONNECTED_ON_TAB_1, "alice", "tab-9"));
        assertEquals(CONNECTED_ON_TAB_1, TabView.of("call-status", CONNECTED_ON_TAB_1, "bob", null));
    }

    @Test
    void otherEventsAndStatesPassUnchanged() {
        String ringing = CONNECTED_ON_TAB_1.replace("CONNECTED", "RINGING");
        assertEquals(ringing, TabView.of("call-status", ringing, "bob", "tab-2"));
        assertEquals(CONNECTED_ON_TAB_1, TabView.of("answer", CONNECTED_ON_TAB_1, "bob", "tab-2"));
        String noDevice = "{\"callId\":\"c1\",\"state\":\"CONNECTED\",\"caller\":\"alice\",\"callee\":\"bob\"}";
        assertEquals(noDevice, TabView.of("call-status", noDevice, "bob", "tab-2"));
    }
}
