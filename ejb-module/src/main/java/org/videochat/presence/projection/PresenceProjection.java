package org.videochat.presence.projection;

import static org.videochat.platform.Jsons.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.videochat.cdc.CapturedChange;
import org.videochat.directory.People;

/**
 * Turns a captured presence change into the {@code presence} event that every open stream on
 * every node receives. Presence is state, not history: the event goes straight to the streams
 * (a broadcast on the announcement topic), not into each person's event log, so one change
 * costs one message however many people are signed in. It carries the change's LSN, so a
 * client can drop a stale one that a redelivery brought late; after a reconnection clients
 * read the directory again instead of replaying presence.
 */
@Stateless
public class PresenceProjection {

    @Inject
    People people;

    /** @return the event's data, or null when the status did not change */
    public String onPresenceChanged(CapturedChange change) {
        JsonObject row = change.after();
        if (row == null) {
            return null;
        }
        String status = row.getString("status");
        String previous = change.before() == null ? null : change.before().getString("status", null);
        if (status.equals(previous)) {
            return null;
        }
        String username = row.getString("username");
        return JSON.createObjectBuilder()
                .add("username", username)
                .add("displayName", people.displayName(username))
                .add("presence", status)
                .add("lsn", change.lsn())
                .build()
                .toString();
    }
}
