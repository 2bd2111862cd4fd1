package org.videochat.security;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after {@code videochat.login.max-failures} failed sign-ins for
 * a username from one source within the window, that username is locked for a while for that
 * source — the owner signing in from elsewhere is not locked out by someone else's guessing.
 * Counted for any name, existing or not, so the lock reveals nothing. Kept in the database: every
 * node sees it. Rows nobody needs any more are removed every ten minutes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginThrottle {

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "videochat.login.max-failures")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "videochat.login.window-seconds")
    int windowSeconds;

    @Inject
    @ConfigProperty(name = "videochat.login.lock-seconds")
    int lockSeconds;

    public boolean isLocked(String username, String source) {
        return !em.createNativeQuery("SELECT 1 FROM login_throttle WHERE username = ?1 AND locked_until > now()")
                .setParameter(1, key(username, source))
                .getResultList()
                .isEmpty();
    }

    public void failed(String username, String source) {
        em.createNativeQuery("""
                        INSERT INTO login_throttle AS t (username, failures, window_start) VALUES (?1, 1, now())
                        ON CONFLICT (username) DO UPDATE SET
                            failures = CASE WHEN t.window_start < now() - make_interval(secs => ?2) THEN 1 ELSE t.failures + 1 END,
                            window_start = CASE WHEN t.window_start < now() - make_interval(secs => ?2) THEN now() ELSE t.window_start END""")
                .setParameter(1, key(username, source))
                .setParameter(2, windowSeconds)
                .executeUpdate();
        em.createNativeQuery(
                        "UPDATE login_throttle SET locked_until = now() + make_interval(secs => ?2), failures = 0, window_start = now() WHERE username = ?1 AND failures >= ?3")
                .setParameter(1, key(username, source))
                .setParameter(2, lockSeconds)
                .setParameter(3, maxFailures)
                .executeUpdate();
    }

    public void succeeded(String username, String source) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE username = ?1")
                .setParameter(1, key(username, source))
                .executeUpdate();
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void forgetOld() {
        em.createNativeQuery("""
                        DELETE FROM login_throttle
                        WHERE window_start < now() - make_interval(secs => ?1)
                          AND (locked_until IS NULL OR locked_until < now())""").setParameter(1, windowSeconds).executeUpdate();
    }

    /** The source first, so that no name can pose as another source. */
    static String key(String username, String source) {
        String name = username == null ? "" : username.strip().toLowerCase();
        String from = source == null ? "" : source;
        String k = from + " " + name;
        return k.length() > 256 ? k.substring(0, 256) : k;
    }
}
