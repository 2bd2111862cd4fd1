package org.videochat.call.web;

import static org.videochat.platform.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The ICE servers a browser should use: STUN, and TURN with time-limited credentials in the
 * TURN REST API scheme (username "expiry:user", password base64(HMAC-SHA1(secret, username))),
 * which coturn checks with {@code use-auth-secret}. The shared secret never leaves the server.
 */
@Path("ice-servers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IceServersResource {

    // Comma-separated lists, read as text (Payara's MP Config cannot inject Optional<List>).
    @Inject
    @ConfigProperty(name = "videochat.ice.stun-urls")
    Optional<String> stunUrls;

    @Inject
    @ConfigProperty(name = "videochat.ice.turn-urls")
    Optional<String> turnUrls;

    @Inject
    @ConfigProperty(name = "videochat.ice.turn-secret")
    Optional<String> turnSecret;

    @Inject
    @ConfigProperty(name = "videochat.ice.turn-ttl-seconds")
    long ttlSeconds;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "RTCPeerConnection iceServers for the signed-in user, with fresh TURN credentials")
    public JsonObject iceServers() {
        JsonArrayBuilder servers = JSON.createArrayBuilder();
        List<String> stun = list(stunUrls);
        List<String> turn = list(turnUrls);
        if (!stun.isEmpty()) {
            servers.add(JSON.createObjectBuilder().add("urls", JSON.createArrayBuilder(stun)));
        }
        if (!turn.isEmpty() && turnSecret.isPresent() && !turnSecret.get().isBlank()) {
            String username = (Instant.now().getEpochSecond() + ttlSeconds) + ":"
                    + security.getUserPrincipal().getName();
            servers.add(JSON.createObjectBuilder()
                    .add("urls", JSON.createArrayBuilder(turn))
                    .add("username", username)
                    .add("credential", credential(turnSecret.get(), username)));
        }
        return JSON.createObjectBuilder()
                .add("iceServers", servers)
                .add("ttlSeconds", ttlSeconds)
                .build();
    }

    private static List<String> list(Optional<String> csv) {
        return csv.map(v -> java.util.Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(u -> !u.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    static String credential(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}
