package org.videochat.directory;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the people a newcomer can try videochat with. Off unless
 * {@code videochat.demo-users.enabled=true} (the run command's embedded database sets it).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class DemoUsers {

    private static final Logger LOG = Logger.getLogger(DemoUsers.class.getName());

    private static final Map<String, String> NAMES = Map.of(
            "alice", "Alice Kim",
            "bob", "Bob Lee",
            "carol", "Carol Park",
            "admin", "Administrator");

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    @ConfigProperty(name = "videochat.demo-users.enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "videochat.demo-users.password")
    String password;

    @PostConstruct
    void seed() {
        if (!enabled) {
            return;
        }
        Pbkdf2PasswordHash hash = hashing.hasher();
        NAMES.forEach((username, displayName) -> {
            if (em.find(UserAccount.class, username) == null) {
                Set<String> roles = "admin".equals(username) ? Set.of("user", "admin") : Set.of("user");
                em.persist(new UserAccount(username, displayName, hash.generate(password.toCharArray()), roles));
                LOG.info(() -> "created demo user " + username);
            }
        });
    }
}
