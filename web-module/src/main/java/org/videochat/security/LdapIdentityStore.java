package org.videochat.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.videochat.directory.People;
import org.videochat.directory.UserAccount;

/**
 * The company directory as an identity store, when {@code videochat.identity.stores} names
 * "ldap". Whoever signs in is added to (or updated in) videochat's own directory, so colleagues
 * can find and call them.
 */
@ApplicationScoped
public class LdapIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(LdapIdentityStore.class.getName());

    @Inject
    Config config;

    @Inject
    People people;

    private LdapDirectory directory;

    @PostConstruct
    void configure() {
        List<String> stores = config.getValues("videochat.identity.stores", String.class);
        if (!stores.contains("ldap")) {
            return;
        }
        directory = new LdapDirectory(new LdapDirectory.Settings(
                value("url"),
                value("bind-dn"),
                value("bind-password"),
                value("user-base"),
                value("user-filter"),
                value("display-name-attribute"),
                value("group-base"),
                value("group-filter"),
                value("group-name-attribute"),
                LdapDirectory.Settings.roles(value("group-roles"))));
    }

    private String value(String key) {
        return config.getOptionalValue("videochat.ldap." + key, String.class).orElse("");
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (directory == null || !(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            return directory
                    .authenticate(login.getCaller(), login.getPassword().getValue())
                    .filter(person -> {
                        if (UserAccount.isValidUsername(person.username())) {
                            return true;
                        }
                        LOG.warning(() -> "the directory's user '" + person.username()
                                + "' has a name videochat cannot use (a-z, 0-9, '.', '_', '-'; at most 64)");
                        return false;
                    })
                    .map(person -> {
                        people.rememberDirectoryPerson(
                                person.username(),
                                UserAccount.fittingDisplayName(person.displayName(), person.username()));
                        return new CredentialValidationResult(person.username(), person.roles());
                    })
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (NamingException e) {
            LOG.log(Level.WARNING, "the LDAP directory could not be asked", e);
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }

    /**
     * The roles the directory gives {@code username} now; empty when the directory no longer
     * knows them.
     *
     * @throws NamingException when the directory cannot be asked (the caller keeps what it knew)
     */
    public Optional<Set<String>> currentRoles(String username) throws NamingException {
        if (directory == null) {
            throw new NamingException("no LDAP directory is configured");
        }
        return directory.currentRoles(username);
    }

    @Override
    public int priority() {
        return 10;
    }
}
