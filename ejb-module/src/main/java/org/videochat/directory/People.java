package org.videochat.directory;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.videochat.platform.RequestRejected;
import org.videochat.presence.command.PresenceCommands;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The directory as people use it: search colleagues with their presence, and switch one's own
 * Do Not Disturb. Open signaling streams of every node are recorded here, because being online
 * means having one; each change refreshes the person's presence.
 */
@Stateless
public class People {

    /** One entry of a directory search. */
    public record Person(String username, String displayName, String presence) {
    }

    public record Page(List<Person> people, long total) {
    }

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    @jakarta.inject.Inject
    PresenceCommands presence;

    @jakarta.inject.Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "videochat.presence.min-change-ms")
    long minPresenceChangeMs;

    /** People whose username or display name contains {@code query} (case-insensitive), by display name. */
    public Page search(String query, int page, int size) {
        String pattern = "%" + (query == null ? "" : query.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT u.username, u.display_name, COALESCE(p.status, 'offline')
                        FROM app_user u LEFT JOIN presence p ON p.username = u.username
                        WHERE lower(u.username) LIKE ?1 OR lower(u.display_name) LIKE ?1
                        ORDER BY lower(u.display_name), u.username
                        OFFSET ?2 LIMIT ?3""")
                .setParameter(1, pattern)
                .setParameter(2, page * size)
                .setParameter(3, size)
                .getResultList();
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM app_user u WHERE lower(u.username) LIKE ?1 OR lower(u.display_name) LIKE ?1")
                .setParameter(1, pattern).getSingleResult()).longValue();
        return new Page(rows.stream().map(r -> new Person((String) r[0], (String) r[1], (String) r[2])).toList(), total);
    }

    public void setDoNotDisturb(String username, boolean on) {
        UserAccount account = em.find(UserAccount.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw RequestRejected.notFound("unknown-user", "No such user.");
        }
        if (account.dnd() == on) {
            return;
        }
        // Every change of presence travels the CDC path and reaches every open stream of every
        // node: one person toggling in a loop must not flood everybody's streams.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime last = account.dndChangedAt();
        if (last != null && last.plusNanos(minPresenceChangeMs * 1_000_000).isAfter(now)) {
            throw new RequestRejected(429, "presence-changing-too-fast",
                    "Do Not Disturb can change once every " + minPresenceChangeMs + " ms; try again in a moment.");
        }
        account.setDnd(on, now);
        em.flush();
        presence.refresh(username);
    }

    public boolean doNotDisturb(String username) {
        UserAccount account = em.find(UserAccount.class, username);
        return account != null && account.dnd();
    }

    /** Adds or updates someone the company directory vouched for; they have no local password. */
    public void rememberDirectoryPerson(String username, String displayName) {
        em.createNativeQuery("""
                        INSERT INTO app_user (username, display_name, password_hash) VALUES (?1, ?2, 'directory')
                        ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name""")
                .setParameter(1, username).setParameter(2, displayName).executeUpdate();
    }

    /** An open signaling stream on some node, as operators see it. */
    public record OpenStream(String id, String username, String node, OffsetDateTime openedAt, OffsetDateTime lastSeen, String presence) {
    }

    /** Every open stream on every node, by person. */
    public List<OpenStream> openStreams() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT CAST(s.id AS text), s.username, s.node, s.opened_at, s.last_seen, coalesce(p.status, 'offline')
                        FROM stream_connection s LEFT JOIN presence p ON p.username = s.username
                        ORDER BY s.username, s.opened_at""").getResultList();
        return rows.stream().map(r -> new OpenStream((String) r[0], (String) r[1], (String) r[2], time(r[3]), time(r[4]), (String) r[5])).toList();
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : null;
    }

    /** Whether a stream with this id is open on some node (any text is safe to ask about). */
    public boolean streamIsOpen(String id) {
        return !em.createNativeQuery("SELECT 1 FROM stream_connection WHERE CAST(id AS text) = ?1")
                .setParameter(1, id).getResultList().isEmpty();
    }

    /** Records an open stream of this node, so every node can tell who is online. */
    public void streamOpened(String connectionId, String username, String node) {
        em.createNativeQuery("INSERT INTO stream_connection (id, username, node) VALUES (CAST(?1 AS uuid), ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, connectionId).setParameter(2, username).setParameter(3, node).executeUpdate();
        presence.refresh(username);
    }

    public void streamClosed(String connectionId, String username) {
        em.createNativeQuery("DELETE FROM stream_connection WHERE id = CAST(?1 AS uuid)").setParameter(1, connectionId).executeUpdate();
        presence.refresh(username);
    }

    /**
     * This node's streams are alive. Rows of this node that are not among {@code openIds} (a close
     * whose bookkeeping was lost) and rows of nodes silent for {@code staleSeconds} are removed.
     */
    public void streamsAlive(String node, List<String> openIds, int staleSeconds) {
        em.createNativeQuery("UPDATE stream_connection SET last_seen = now() WHERE node = ?1").setParameter(1, node).executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> gone = em.createNativeQuery("""
                        DELETE FROM stream_connection
                        WHERE last_seen < now() - make_interval(secs => ?1)
                           OR (node = ?2 AND opened_at < now() - interval '10 seconds' AND NOT (CAST(id AS text) = ANY (CAST(?3 AS text[]))))
                        RETURNING username""")
                .setParameter(1, staleSeconds).setParameter(2, node).setParameter(3, "{" + String.join(",", openIds) + "}")
                .getResultList();
        presence.refresh(gone);
    }
}
