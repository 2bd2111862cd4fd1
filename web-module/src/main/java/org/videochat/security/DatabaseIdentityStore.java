package org.videochat.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.directory.PasswordHashing;
import org.videochat.directory.People;
import org.videochat.directory.UserAccount;

/**
 * People in the {@code app_user} table with PBKDF2 password hashes (the embedded default).
 * An unknown name costs the same hash computation as a wrong password: timing tells nothing.
 */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    @Inject
    People people;

    @Inject
    PasswordHashing hashing;

    @Inject
    @ConfigProperty(name = "videochat.identity.stores")
    List<String> stores;

    private volatile String decoy;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!stores.contains("database") || !(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        var hash = hashing.hasher();
        Optional<UserAccount> account = people.find(login.getCaller());
        String stored = account.map(UserAccount::passwordHash)
                .filter(h -> h.startsWith("PBKDF2"))
                .orElse(null);
        if (stored == null) {
            if (decoy == null) {
                decoy = hash.generate("decoy-password".toCharArray());
            }
            hash.verify(login.getPassword().getValue(), decoy);
            return CredentialValidationResult.INVALID_RESULT;
        }
        boolean valid;
        try {
            valid = hash.verify(login.getPassword().getValue(), stored);
        } catch (RuntimeException malformed) {
            valid = false;
        }
        return valid
                ? new CredentialValidationResult(
                        account.get().username(), Set.copyOf(account.get().roles()))
                : CredentialValidationResult.INVALID_RESULT;
    }

    @Override
    public int priority() {
        return 20;
    }
}
