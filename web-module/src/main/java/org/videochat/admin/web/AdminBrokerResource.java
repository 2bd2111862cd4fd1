package org.videochat.admin.web;

import static org.videochat.platform.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videochat.admin.broker.BrokerManagement;
import org.videochat.platform.RequestRejected;
import org.videochat.security.OperatorsOnly;

/**
 * Operators' view of the broker: the application's queues with their counters, and the
 * dead-letter queue with retry and delete. Rates are left to the caller (two readings of the
 * counters), so every node answers the same and keeps no history. Role {@code admin} only.
 */
@Path("admin/broker")
@RequestScoped
@OperatorsOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operators only (role admin)")
@APIResponse(responseCode = "403", description = "Not an administrator")
@APIResponse(responseCode = "503", description = "The broker cannot be reached")
public class AdminBrokerResource {

    private static final int DEAD_LETTERS_SHOWN = 50;

    @Inject
    BrokerManagement broker;

    @GET
    @Operation(summary = "Queues with messages pending, consumers, added and acknowledged; the oldest 50 dead letters")
    public JsonObject overview() {
        JsonArrayBuilder queues = JSON.createArrayBuilder();
        for (BrokerManagement.QueueStats q : broker.queues()) {
            queues.add(JSON.createObjectBuilder()
                    .add("name", q.name())
                    .add("address", q.address())
                    .add("routingType", q.routingType())
                    .add("messages", q.messages())
                    .add("consumers", q.consumers())
                    .add("added", q.added())
                    .add("acknowledged", q.acknowledged())
                    .add("delivering", q.delivering())
                    .add("killed", q.killed()));
        }
        JsonArrayBuilder letters = JSON.createArrayBuilder();
        for (BrokerManagement.DeadLetter d : broker.deadLetters(DEAD_LETTERS_SHOWN)) {
            letters.add(JSON.createObjectBuilder()
                    .add("id", d.id())
                    .add("messageId", d.messageId())
                    .add("originalQueue", d.originalQueue())
                    .add("timestamp", d.timestamp())
                    .add("reason", d.reason())
                    .add("body", d.body()));
        }
        return JSON.createObjectBuilder()
                .add("sampledAt", System.currentTimeMillis())
                .add("queues", queues)
                .add("deadLetterQueue", broker.deadLetterQueue())
                .add("deadLetters", letters)
                .build();
    }

    @POST
    @Path("dead-letters/{id}/retry")
    @Operation(summary = "Send a dead letter back to the queue it came from")
    @APIResponse(responseCode = "404", description = "No such message in the dead-letter queue")
    public JsonObject retry(@PathParam("id") String id) {
        long messageId = parse(id);
        if (!broker.retry(messageId)) {
            throw RequestRejected.notFound("unknown-message", "No such message in the dead-letter queue.");
        }
        return JSON.createObjectBuilder()
                .add("id", messageId)
                .add("retried", true)
                .build();
    }

    @DELETE
    @Path("dead-letters/{id}")
    @Operation(summary = "Delete a dead letter for good")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such message in the dead-letter queue")
    public Response delete(@PathParam("id") String id) {
        if (!broker.remove(parse(id))) {
            throw RequestRejected.notFound("unknown-message", "No such message in the dead-letter queue.");
        }
        return Response.noContent().build();
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw RequestRejected.notFound("unknown-message", "No such message in the dead-letter queue.");
        }
    }
}
