package org.videochat.directory;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The company directory: who exists, by which name, and searching colleagues with their presence.
 */
@Stateless
public class People {

    /** One entry of a directory search. */
    public record Person(String username, String displayName, String presence) {}

    public record Page(List<Person> people, long total) {}

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    public Optional<UserAccount> find(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(UserAccount.class, username));
    }

    public String displayName(String username) {
        return find(username).map(UserAccount::displayName).orElse(username);
    }

    public boolean doNotDisturb(String username) {
        return find(username).map(UserAccount::dnd).orElse(false);
    }

    /** People whose username or display name contains {@code query} (case-insensitive), by display name. */
    public Page search(String query, int page, int size) {
        String pattern = "%"
                + (query == null
                        ? ""
                        : query.strip()
                                .toLowerCase()
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_"))
                + "%";
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
        long total = ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM app_user u WHERE lower(u.username) LIKE ?1 OR lower(u.display_name) LIKE ?1")
                        .setParameter(1, pattern)
                        .getSingleResult())
                .longValue();
        return new Page(
                rows.stream()
                        .map(r -> new Person((String) r[0], (String) r[1], (String) r[2]))
                        .toList(),
                total);
    }

    /** Adds or updates someone the company directory vouched for; they have no local password. */
    public void rememberDirectoryPerson(String username, String displayName) {
        em.createNativeQuery("""
                        INSERT INTO app_user (username, display_name, password_hash) VALUES (?1, ?2, 'directory')
                        ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name""")
                .setParameter(1, username)
                .setParameter(2, displayName)
                .executeUpdate();
    }
}
