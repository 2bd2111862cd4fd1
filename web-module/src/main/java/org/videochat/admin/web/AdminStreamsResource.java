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
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videochat.platform.RequestRejected;
import org.videochat.presence.query.OpenStreamRecords;
import org.videochat.security.OperatorsOnly;
import org.videochat.signaling.StreamNotices;
import org.videochat.signaling.web.OpenStreams;

/**
 * Operators' view of the open signaling streams of every node: who, where, since when, and (for
 * streams on the node answering) the last event id sent. A stream can be disconnected; the
 * request goes to every node on the announcement topic and the node holding it closes it.
 * Role {@code admin} only (web.xml).
 */
@Path("admin/streams")
@RequestScoped
@OperatorsOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operators only (role admin)")
@APIResponse(responseCode = "403", description = "Not an administrator")
public class AdminStreamsResource {

    @Inject
    OpenStreamRecords streamRecords;

    @Inject
    OpenStreams streams;

    @Inject
    StreamNotices announcer;

    @GET
    @Operation(summary = "Open signaling streams on every node; lastEventId for those on this node")
    public JsonObject list() {
        Map<String, Long> here = streams.lastEventIds();
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (OpenStreamRecords.OpenStream s : streamRecords.all()) {
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("id", s.id())
                    .add("username", s.username())
                    .add("node", s.node())
                    .add("openedAt", String.valueOf(s.openedAt()))
                    .add("lastSeen", String.valueOf(s.lastSeen()))
                    .add("presence", s.presence());
            Long last = here.get(s.id());
            if (last != null) {
                item.add("lastEventId", last);
            }
            items.add(item);
        }
        return JSON.createObjectBuilder().add("streams", items).build();
    }

    @POST
    @Path("{id}/disconnect")
    @Operation(
            summary = "Close one stream, on whichever node holds it; the browser reconnects and replays what it missed")
    @APIResponse(responseCode = "202", description = "Every node was asked")
    @APIResponse(responseCode = "404", description = "No such open stream")
    public jakarta.ws.rs.core.Response disconnect(@PathParam("id") String id) {
        if (!streamRecords.isOpen(id)) {
            throw RequestRejected.notFound("unknown-stream", "No such stream.");
        }
        announcer.disconnect(id);
        return jakarta.ws.rs.core.Response.accepted(
                        JSON.createObjectBuilder().add("id", id).build())
                .build();
    }
}
