package org.videochat.signaling.web;

import static org.videochat.platform.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videochat.platform.RequestRejected;
import org.videochat.platform.web.JsonBodies;

/**
 * The baseline the benchmark compares the signaling path with: the same HTTP request, sign-in
 * and SSE write, but the body goes straight to the recipient's open streams on this node, with
 * no database, no change data capture and no JMS. Off unless
 * {@code videochat.bench.direct-relay-enabled=true}; never part of the call protocol.
 */
@Path("bench/relay")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "benchmark", description = "Baseline for benchmarks; disabled in normal operation")
public class DirectRelayResource {

    private static final int MAX_DATA_CHARS = 4096;

    @Inject
    StreamDelivery streams;

    @Inject
    @ConfigProperty(name = "videochat.bench.direct-relay-enabled")
    boolean enabled;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Relay an event straight to a user's streams on this node (benchmark baseline)",
            description =
                    "Body {\"to\":\"bob\",\"data\":{...}}; 404 unless videochat.bench.direct-relay-enabled is true.")
    public JsonObject relay(JsonValue json) {
        if (!enabled) {
            throw RequestRejected.notFound("not-found", "No such resource.");
        }
        JsonObject body = JsonBodies.requireObject(json);
        String to = JsonBodies.optionalString(body, "to");
        if (to == null || to.isBlank()) {
            throw RequestRejected.badRequest("missing-to", "Field 'to' (a username) is required.");
        }
        JsonValue data = body.get("data");
        if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
            throw RequestRejected.badRequest("invalid-data", "Field 'data' must be a JSON object.");
        }
        String text = data.toString();
        if (text.length() > MAX_DATA_CHARS) {
            throw RequestRejected.tooLarge(
                    "data-too-large", "Field 'data' has more than " + MAX_DATA_CHARS + " characters.");
        }
        return JSON.createObjectBuilder()
                .add("streams", streams.relay(to, text))
                .build();
    }
}
