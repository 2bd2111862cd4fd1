package org.videochat.call.web;

import static org.videochat.platform.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videochat.call.command.Call;
import org.videochat.call.command.CallCommands;
import org.videochat.call.query.CallQueries;
import org.videochat.call.query.CallView;
import org.videochat.platform.RequestRejected;
import org.videochat.platform.web.Devices;
import org.videochat.platform.web.IdempotentCommands;
import org.videochat.platform.web.JsonBodies;

/**
 * Call commands and call reads for the signed-in user. Commands answer with the call's state as
 * the command side has it; what the other participant sees arrives on their event stream.
 * The protocol is described in docs/signaling.md.
 */
@Path("calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calls", description = "Place and answer calls, exchange SDP and ICE candidates, read call history")
@APIResponse(responseCode = "400", description = "Malformed JSON, a missing field or a wrong type (problem body)")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "404", description = "No such call, or not a participant")
public class CallResource {

    @Inject
    CallCommands commands;

    @Inject
    CallQueries queries;

    @Inject
    @ConfigProperty(name = "videochat.calls.max-detail-chars")
    int maxDetailChars;

    @Inject
    IdempotentCommands idempotent;

    @Context
    SecurityContext security;

    // Documented in the API's description (RestApi): Payara's OpenAPI generator fails on a
    // @Parameter annotation on a field.
    @HeaderParam(IdempotentCommands.HEADER)
    String idempotencyKey;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Place a call",
            description =
                    "Body {\"callee\":\"bob\",\"sdp\":\"<offer>\"}. The call starts TRYING; it ends at once with busy when the callee is in a call, or with glare when the callee is calling you and wins.")
    @RequestBody(description = "callee (username) and sdp (offer, at most videochat.calls.max-sdp-bytes)")
    @APIResponse(responseCode = "201", description = "Call created; Location names it")
    @APIResponse(responseCode = "409", description = "You are already in a call")
    @APIResponse(responseCode = "413", description = "SDP or request too large")
    @APIResponse(responseCode = "422", description = "Unknown callee, or calling yourself")
    public Response place(JsonValue json) {
        JsonObject body = JsonBodies.requireObject(json);
        return once(json, () -> {
            Call call = commands.place(
                    me(), JsonBodies.optionalString(body, "callee"), JsonBodies.optionalString(body, "sdp"));
            return Response.created(uri.getAbsolutePathBuilder()
                            .path(call.id().toString())
                            .build())
                    .entity(state(call))
                    .build();
        });
    }

    @POST
    @Path("{id}/ringing")
    @Operation(summary = "A callee tab shows the invite (TRYING → RINGING); repeating it is harmless")
    @APIResponse(responseCode = "200", description = "Current state")
    @APIResponse(responseCode = "403", description = "Only the callee rings")
    @APIResponse(responseCode = "409", description = "The call is connected or over")
    public Response ringing(@PathParam("id") String id) {
        return once(null, () -> ok(state(commands.ringing(parse(id), me()))));
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Answer the call with an SDP answer",
            description =
                    "Body {\"sdp\":\"<answer>\",\"device\":\"tab-1\"}. The first accept wins; the callee's other tabs see answered_elsewhere.")
    @APIResponse(responseCode = "200", description = "CONNECTED")
    @APIResponse(responseCode = "403", description = "Only the callee accepts")
    @APIResponse(responseCode = "409", description = "Already answered, or over")
    public Response accept(@PathParam("id") String id, JsonValue json) {
        JsonObject body = JsonBodies.requireObject(json);
        return once(
                json,
                () -> ok(state(commands.accept(
                        parse(id),
                        me(),
                        JsonBodies.optionalString(body, "sdp"),
                        Devices.check(JsonBodies.optionalString(body, "device"))))));
    }

    @POST
    @Path("{id}/decline")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(
            summary = "Decline the call, optionally saying why",
            description = "Body (optional) {\"detail\":\"In a meeting\"}")
    @APIResponse(responseCode = "200", description = "ENDED, reason declined")
    @APIResponse(responseCode = "403", description = "Only the callee declines")
    @APIResponse(responseCode = "409", description = "Already answered, or over")
    public Response decline(@PathParam("id") String id, JsonValue json) {
        String detail = json == null || json.getValueType() == JsonValue.ValueType.NULL
                ? null
                : detail(JsonBodies.optionalString(JsonBodies.requireObject(json), "detail"));
        return once(json, () -> ok(state(commands.decline(parse(id), me(), detail))));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a call you placed, before it is answered")
    @APIResponse(responseCode = "200", description = "ENDED, reason cancelled")
    @APIResponse(responseCode = "403", description = "Only the caller cancels")
    @APIResponse(responseCode = "409", description = "Already answered, or over")
    public Response cancel(@PathParam("id") String id) {
        return once(null, () -> ok(state(commands.cancel(parse(id), me()))));
    }

    @POST
    @Path("{id}/hangup")
    @Operation(summary = "Hang up a connected call")
    @APIResponse(responseCode = "200", description = "ENDED, reason hangup, endedBy you")
    @APIResponse(responseCode = "409", description = "Not connected")
    public Response hangUp(@PathParam("id") String id) {
        return once(null, () -> ok(state(commands.hangUp(parse(id), me()))));
    }

    @POST
    @Path("{id}/candidates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Send a batch of trickled ICE candidates to the other participant",
            description =
                    "Body {\"candidates\":[{\"candidate\":\"candidate:…\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"…\"}]}; an empty candidate string marks the end of candidates.")
    @APIResponse(responseCode = "200", description = "Stored and on its way")
    @APIResponse(responseCode = "409", description = "The call is over")
    @APIResponse(responseCode = "413", description = "Too many candidates, or a candidate too long")
    public Response candidates(@PathParam("id") String id, JsonValue json) {
        JsonObject body = JsonBodies.requireObject(json);
        return once(json, () -> ok(state(commands.candidates(parse(id), me(), body.get("candidates")))));
    }

    @POST
    @Path("{id}/renegotiate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A new offer or answer during a connected call (ICE restart, screen sharing)",
            description = "Body {\"kind\":\"offer\"|\"answer\",\"sdp\":\"…\"}")
    @APIResponse(responseCode = "200", description = "Stored and on its way")
    @APIResponse(responseCode = "409", description = "Not connected")
    public Response renegotiate(@PathParam("id") String id, JsonValue json) {
        JsonObject body = JsonBodies.requireObject(json);
        return once(
                json,
                () -> ok(state(commands.renegotiate(
                        parse(id),
                        me(),
                        JsonBodies.optionalString(body, "kind"),
                        JsonBodies.optionalString(body, "sdp")))));
    }

    @POST
    @Path("{id}/media")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report media status",
            description =
                    "Body {\"status\":\"connected\"|\"failed\",\"detail\":\"ice-failed\"}; failed ends the call with reason failed.")
    @APIResponse(responseCode = "200", description = "Current state")
    @APIResponse(responseCode = "409", description = "The call is not in a state where media can be reported")
    public Response media(@PathParam("id") String id, JsonValue json) {
        JsonObject body = JsonBodies.requireObject(json);
        return once(
                json,
                () -> ok(state(commands.media(
                        parse(id),
                        me(),
                        JsonBodies.optionalString(body, "status"),
                        detail(JsonBodies.optionalString(body, "detail"))))));
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "One call as the query side knows it",
            description = "Right after a command this may lag by the few milliseconds CDC takes.")
    @APIResponse(responseCode = "200", description = "The call")
    public JsonObject get(@PathParam("id") String id) {
        return view(
                queries.find(parse(id), me())
                        .orElseThrow(() -> RequestRejected.notFound("unknown-call", "No such call.")),
                me());
    }

    @GET
    @Path("{id}/invite")
    @Operation(
            summary = "The invite of a call that is ringing for you, with the candidates sent so far",
            description =
                    "{\"invite\":<the incoming-call event's data>,\"candidates\":[<candidates event data>, …]}: for a page reloaded while being called.")
    @APIResponse(responseCode = "200", description = "The invite")
    public Response invite(@PathParam("id") String id) {
        String invite = queries.invite(parse(id), me())
                .orElseThrow(() -> RequestRejected.notFound("no-invite", "No call is ringing for you with this id."));
        return Response.ok(invite, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("current")
    @Operation(summary = "The call you are in right now")
    @APIResponse(responseCode = "200", description = "The call")
    @APIResponse(responseCode = "204", description = "You are not in a call")
    public Response current() {
        return queries.current(me())
                .map(c -> Response.ok(view(c, me())).build())
                .orElse(Response.noContent().build());
    }

    @GET
    @Operation(
            summary = "Your call history, newest first, with missed calls marked",
            description = "Page with ?before=<createdAt of the last call seen>&limit=<1..100>")
    @APIResponse(responseCode = "200", description = "{\"calls\":[…],\"missed\":<missed calls in this page>}")
    public JsonObject history(@QueryParam("before") String before, @QueryParam("limit") String limit) {
        List<CallView> calls = queries.history(me(), instant(before), limit(limit));
        JsonArrayBuilder items = JSON.createArrayBuilder();
        int missed = 0;
        for (CallView c : calls) {
            items.add(view(c, me()));
            missed += c.isMissedBy(me()) ? 1 : 0;
        }
        return JSON.createObjectBuilder()
                .add("calls", items)
                .add("missed", missed)
                .build();
    }

    /**
     * Runs a command once per Idempotency-Key (when the client sends one): a repeat gets the first
     * answer. The command and its receipt commit together.
     */
    private Response once(JsonValue body, java.util.function.Supplier<Response> command) {
        return idempotent.once(me(), idempotencyKey, "POST", uri.getPath(), body, command);
    }

    private static Response ok(JsonObject state) {
        return Response.ok(state).build();
    }

    private static JsonObject state(Call call) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", call.id().toString())
                .add("state", call.state().name());
        if (call.endReason() != null) {
            json.add("reason", call.endReason());
        }
        if (call.replacedBy() != null) {
            json.add("replacedBy", call.replacedBy().toString());
        }
        return json.build();
    }

    private static JsonObject view(CallView call, String me) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", call.id().toString())
                .add("caller", call.caller())
                .add("callee", call.callee())
                .add("direction", call.caller().equals(me) ? "outgoing" : "incoming")
                .add("peer", call.caller().equals(me) ? call.callee() : call.caller())
                .add("state", call.state())
                .add("missed", call.isMissedBy(me))
                .add("createdAt", call.createdAt().toString())
                .add("updatedAt", call.updatedAt().toString());
        add(json, "reason", call.endReason());
        add(json, "endedBy", call.endedBy());
        add(json, "detail", call.endDetail());
        add(json, "device", call.answeredDevice());
        add(
                json,
                "replacedBy",
                call.replacedBy() == null ? null : call.replacedBy().toString());
        add(
                json,
                "answeredAt",
                call.answeredAt() == null ? null : call.answeredAt().toString());
        add(json, "endedAt", call.endedAt() == null ? null : call.endedAt().toString());
        return json.build();
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private String detail(String detail) {
        if (detail != null && detail.length() > maxDetailChars) {
            throw RequestRejected.badRequest(
                    "detail-too-long", "A detail has at most " + maxDetailChars + " characters.");
        }
        return detail == null || detail.isBlank() ? null : detail.strip();
    }

    private static OffsetDateTime instant(String before) {
        if (before == null || before.isEmpty()) {
            return null;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(before);
            // What PostgreSQL's timestamptz can hold, with room to spare.
            if (at.getYear() >= 1 && at.getYear() <= 9999) {
                return at;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw RequestRejected.badRequest(
                "invalid-before", "'before' must be a timestamp such as 2026-11-25T10:15:30Z.");
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return 20;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw RequestRejected.badRequest("invalid-limit", "'limit' must be a number from 1 to 100.");
    }

    /** A call id from a path; a malformed one is answered like an unknown call (404). */
    public static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.notFound("unknown-call", "No such call.");
        }
    }

    private String me() {
        return security.getUserPrincipal().getName();
    }
}
