package org.videochat.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * The password hash the database identity store verifies against. The parameters here must
 * match those of the identity store definition in the web module.
 */
@ApplicationScoped
public class PasswordHashing {

    /** PBKDF2 parameters; iterations are stored in each hash, so raising them later is safe. */
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    public static final int ITERATIONS = 100_000;

    @Inject
    Pbkdf2PasswordHash hash;

    public Pbkdf2PasswordHash hasher() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm",
                ALGORITHM,
                "Pbkdf2PasswordHash.Iterations",
                String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes",
                "16",
                "Pbkdf2PasswordHash.KeySizeBytes",
                "32"));
        return hash;
    }
}
