package org.videochat.call.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.videochat.call.command.Call;
import org.videochat.call.command.CallCommands;
import org.videochat.call.query.CallQueries;
import org.videochat.call.query.CallView;
import org.videochat.platform.RequestRejected;
import org.videochat.platform.web.JsonBodies;

import java.util.UUID;

/** Call commands and call reads for the signed-in user. */
@Path("calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    @Inject
    CallCommands commands;

    @Inject
    CallQueries queries;

    @Context
    SecurityContext security;

    /** Places a call: {@code {"callee":"bob","sdp":"v=0..."}} → 201 with the call id and state. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(JsonValue json, @Context UriInfo uri) {
        JsonObject body = JsonBodies.requireObject(json);
        Call call = commands.place(me(), JsonBodies.optionalString(body, "callee"), JsonBodies.optionalString(body, "sdp"));
        JsonObject answer = Json.createObjectBuilder()
                .add("id", call.id().toString())
                .add("state", call.state().name())
                .build();
        return Response.created(uri.getAbsolutePathBuilder().path(call.id().toString()).build()).entity(answer).build();
    }

    /**
     * The call as the query side knows it. Right after placing a call this may be 404 for a few
     * milliseconds, until the change has travelled through CDC.
     */
    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        CallView call = queries.find(parse(id), me())
                .orElseThrow(() -> RequestRejected.notFound("unknown-call", "No such call."));
        var json = Json.createObjectBuilder()
                .add("id", call.id().toString())
                .add("caller", call.caller())
                .add("callee", call.callee())
                .add("state", call.state())
                .add("createdAt", call.createdAt().toString())
                .add("updatedAt", call.updatedAt().toString());
        if (call.endReason() != null) {
            json.add("reason", call.endReason());
        }
        return json.build();
    }

    private static UUID parse(String id) {
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
