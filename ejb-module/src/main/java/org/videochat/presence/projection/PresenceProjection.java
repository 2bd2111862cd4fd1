package org.videochat.presence.projection;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.videochat.cdc.CapturedChange;
import org.videochat.directory.Directory;
import org.videochat.signaling.UserEventAnnouncer;
import org.videochat.signaling.UserEventLog;

import java.util.List;

/**
 * Tells the people who are signed in right now (an open stream on any node) that someone's
 * presence changed. Idempotent like every projection: the event records the change it came from.
 */
@Stateless
public class PresenceProjection {

    public static final String PRESENCE = "presence";

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    @Inject
    UserEventLog events;

    @Inject
    UserEventAnnouncer announcer;

    @Inject
    Directory directory;

    public void onPresenceChanged(CapturedChange change) {
        JsonObject row = change.after();
        if (row == null) {
            return;
        }
        String status = row.getString("status");
        String previous = change.before() == null ? null : change.before().getString("status", null);
        if (status.equals(previous)) {
            return;
        }
        String username = row.getString("username");
        String payload = Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", directory.displayName(username))
                .add("presence", status)
                .build().toString();
        @SuppressWarnings("unchecked")
        List<String> watchers = em.createNativeQuery("SELECT DISTINCT username FROM stream_connection ORDER BY username").getResultList();
        for (String watcher : watchers) {
            if (events.append(watcher, PRESENCE, null, payload, change.key(PRESENCE), change) > 0) {
                announcer.announce(watcher);
            }
        }
    }
}
