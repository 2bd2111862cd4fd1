package org.videochat.admin.web;

import static org.videochat.platform.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videochat.call.command.CallCommands;
import org.videochat.call.query.CallQueries;
import org.videochat.call.query.CallView;
import org.videochat.call.web.CallResource;
import org.videochat.platform.RequestRejected;
import org.videochat.security.OperatorsOnly;
import org.videochat.signaling.web.DeliveryTimes;

/**
 * Operators' view of the calls: who is talking to whom right now, the calls that just ended and
 * why, and the power to end a call. Role {@code admin} only (web.xml: everyone else gets 403).
 */
@Path("admin/calls")
@RequestScoped
@OperatorsOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operators only (role admin)")
@APIResponse(responseCode = "403", description = "Not an administrator")
public class AdminCallsResource {

    private static final int RECENT = 50;

    @Inject
    CallQueries queries;

    @Inject
    CallCommands commands;

    @Inject
    DeliveryTimes deliveries;

    @Context
    SecurityContext security;

    @GET
    @Operation(
            summary =
                    "Active calls (ringing or connected) with their duration, and the 50 most recently ended with their reasons")
    public JsonObject calls() {
        return JSON.createObjectBuilder()
                .add("active", list(queries.active()))
                .add("recentlyEnded", list(queries.recentlyEnded(RECENT)))
                .build();
    }

    @POST
    @Path("{id}/end")
    @Operation(summary = "End a call; both participants see it end with reason ended_by_admin")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "409", description = "The call has ended already")
    public JsonObject end(@PathParam("id") String id) {
        var call = commands.endByAdmin(
                CallResource.parse(id), security.getUserPrincipal().getName());
        return JSON.createObjectBuilder()
                .add("id", call.id().toString())
                .add("state", call.state().name())
                .add("reason", call.endReason())
                .build();
    }

    @GET
    @Path("{id}/trace")
    @Operation(
            summary = "The call's signal trace: every event projected for it, with the time it was committed, "
                    + "published by Debezium Server, projected, and delivered over SSE (for streams on this node)")
    @APIResponse(responseCode = "404", description = "No such call")
    public JsonObject trace(@PathParam("id") String id) {
        UUID callId = CallResource.parse(id);
        CallView call =
                queries.find(callId).orElseThrow(() -> RequestRejected.notFound("unknown-call", "No such call."));
        JsonArrayBuilder events = JSON.createArrayBuilder();
        for (CallQueries.TracedEvent e : queries.trace(callId)) {
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("username", e.username())
                    .add("seq", e.seq())
                    .add("type", e.type())
                    .add("source", e.sourceKey())
                    .add("projectedAt", e.projectedMs());
            if (e.commitMs() != null) {
                item.add("committedAt", e.commitMs());
            }
            if (e.publishMs() != null) {
                item.add("publishedAt", e.publishMs());
            }
            Long delivered = deliveries.deliveredAt(e.username(), e.seq());
            if (delivered != null) {
                item.add("deliveredAt", delivered);
            }
            events.add(item);
        }
        return JSON.createObjectBuilder()
                .add("call", item(call, OffsetDateTime.now()))
                .add("events", events)
                .build();
    }

    private static JsonArrayBuilder list(List<CallView> calls) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        OffsetDateTime now = OffsetDateTime.now();
        calls.forEach(c -> items.add(item(c, now)));
        return items;
    }

    private static JsonObjectBuilder item(CallView c, OffsetDateTime now) {
        JsonObjectBuilder item = JSON.createObjectBuilder()
                .add("id", c.id().toString())
                .add("caller", c.caller())
                .add("callee", c.callee())
                .add("state", c.state())
                .add("createdAt", c.createdAt().toString());
        if (c.answeredAt() != null) {
            OffsetDateTime until = c.endedAt() != null ? c.endedAt() : now;
            item.add("connectedSeconds", Duration.between(c.answeredAt(), until).toSeconds());
        }
        if (c.endReason() != null) {
            item.add("reason", c.endReason());
        }
        if (c.endedBy() != null) {
            item.add("endedBy", c.endedBy());
        }
        if (c.endedAt() != null) {
            item.add("endedAt", c.endedAt().toString());
        }
        return item;
    }
}
