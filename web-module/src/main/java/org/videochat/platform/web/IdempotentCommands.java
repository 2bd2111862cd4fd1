package org.videochat.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.videochat.platform.CommandReceipts;
import org.videochat.platform.RequestRejected;

/**
 * The {@code Idempotency-Key} request header on commands: a client that lost the response to a
 * command repeats it with the same key and gets the first answer (marked {@code Idempotency-Replayed:
 * true}) instead of running it twice. Without the header a command simply runs.
 */
@ApplicationScoped
public class IdempotentCommands {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_CHARS = 100;

    @Inject
    CommandReceipts receipts;

    /**
     * @param command runs the command and answers 200/201 with a JSON entity (and a Location for 201)
     */
    public Response once(
            String username, String key, String method, String path, JsonValue body, Supplier<Response> command) {
        if (key == null) {
            return command.get();
        }
        String checked = check(key);
        String request = method + " " + path + " " + digest(body == null ? "" : body.toString());
        CommandReceipts.Receipt receipt = receipts.once(username, checked, request, () -> {
            Response response = command.get();
            URI location = response.getLocation();
            return new CommandReceipts.Receipt(
                    response.getStatus(),
                    location == null ? null : location.toString(),
                    String.valueOf(response.getEntity()),
                    false);
        });
        Response.ResponseBuilder answer = Response.status(receipt.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(receipt.body());
        if (receipt.location() != null) {
            answer.location(URI.create(receipt.location()));
        }
        if (receipt.replayed()) {
            answer.header("Idempotency-Replayed", "true");
        }
        return answer.build();
    }

    static String check(String key) {
        String k = key.strip();
        if (k.isEmpty() || k.length() > MAX_KEY_CHARS || !k.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw RequestRejected.badRequest(
                    "invalid-idempotency-key",
                    "Idempotency-Key must be 1 to " + MAX_KEY_CHARS + " visible ASCII characters, e.g. a UUID.");
        }
        return k;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
