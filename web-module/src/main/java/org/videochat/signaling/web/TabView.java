package org.videochat.signaling.web;

import static org.videochat.platform.Jsons.JSON;

import jakarta.json.JsonObject;
import java.io.StringReader;
import org.videochat.signaling.EventType;
import org.videochat.signaling.UserEvent;

/**
 * How one tab sees an event of its user's log. All tabs of a callee ring; when one of them
 * answers, the others see the call end with {@code answered_elsewhere}. The log holds the
 * plain fact (connected on device X); this decides per stream, the same way on every replay.
 */
final class TabView {

    private TabView() {}

    static String of(UserEvent event, String username, String device) {
        return of(event.type(), event.payload(), username, device);
    }

    static String of(String type, String payload, String username, String device) {
        if (device == null || !EventType.CALL_STATUS.wireName().equals(type) || !payload.contains("\"CONNECTED\"")) {
            return payload;
        }
        JsonObject status = JSON.createReader(new StringReader(payload)).readObject();
        String answeredOn = status.getString("device", null);
        boolean otherTab =
                answeredOn != null && !answeredOn.equals(device) && username.equals(status.getString("callee", null));
        if (!otherTab) {
            return payload;
        }
        return JSON.createObjectBuilder(status)
                .add("state", "ENDED")
                .add("reason", "answered_elsewhere")
                .build()
                .toString();
    }
}
