package org.videochat.presence.projection;

import static org.videochat.platform.Jsons.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.videochat.cdc.CapturedChange;
import org.videochat.directory.Directory;
import org.videochat.signaling.UserEventLog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells the people who are signed in right now (an open stream on any node) that someone's
 * presence changed. Idempotent like every projection: the event records the change it came from.
 * Answers the users who got the event, for the announcement after the commit.
 */
@Stateless
public class PresenceProjection {

    public static final String PRESENCE = "presence";

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    @Inject
    UserEventLog events;

    @Inject
    Directory directory;

    public Set<String> onPresenceChanged(CapturedChange change) {
        Set<String> notified = new LinkedHashSet<>();
        JsonObject row = change.after();
        if (row == null) {
            return notified;
        }
        String status = row.getString("status");
        String previous = change.before() == null ? null : change.before().getString("status", null);
        if (status.equals(previous)) {
            return notified;
        }
        String username = row.getString("username");
        String payload = JSON.createObjectBuilder()
                .add("username", username)
                .add("displayName", directory.displayName(username))
                .add("presence", status)
                .build().toString();
        @SuppressWarnings("unchecked")
        List<String> watchers = em.createNativeQuery("SELECT DISTINCT username FROM stream_connection ORDER BY username").getResultList();
        for (String watcher : watchers) {
            if (events.append(watcher, PRESENCE, null, payload, change.key(PRESENCE), change) > 0) {
                notified.add(watcher);
            }
        }
        return notified;
    }
}
