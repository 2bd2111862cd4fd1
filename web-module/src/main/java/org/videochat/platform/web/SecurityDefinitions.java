package org.videochat.platform.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Who may use videochat: people in the {@code app_user} table, passwords as PBKDF2 hashes.
 * HTTP Basic serves API clients and scripts; browsers get a login form in a later step.
 */
@BasicAuthenticationMechanismDefinition(realmName = "videochat")
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/videochat",
        callerQuery = "SELECT password_hash FROM app_user WHERE username = ?",
        groupsQuery = "SELECT role FROM app_user_role WHERE username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
                "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations=100000",
                "Pbkdf2PasswordHash.SaltSizeBytes=16",
                "Pbkdf2PasswordHash.KeySizeBytes=32"
        })
@DeclareRoles({"user", "admin"})
@ApplicationScoped
public class SecurityDefinitions {
}
