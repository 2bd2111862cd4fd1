package org.videochat.directory;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Who exists in the company directory. */
@Stateless
public class Directory {

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
}
