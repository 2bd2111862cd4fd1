package org.videochat.admin.web;

import static org.videochat.platform.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videochat.directory.People;
import org.videochat.platform.RequestRejected;
import org.videochat.security.OperatorsOnly;
import org.videochat.signaling.StreamNotices;

/**
 * Operators acting on a person's sign-ins. Role {@code admin} only (web.xml).
 */
@Path("admin/people")
@RequestScoped
@OperatorsOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operators only (role admin)")
@APIResponse(responseCode = "403", description = "Not an administrator")
public class AdminPeopleResource {

    @Inject
    People people;

    @Inject
    StreamNotices announcer;

    @POST
    @Path("{username}/sign-out")
    @Operation(
            summary = "Sign a person out everywhere: every node ends their browser sessions and closes their streams. "
                    + "Scripts that send their password on every request (HTTP Basic) are only disconnected.")
    @APIResponse(responseCode = "202", description = "Every node was asked")
    @APIResponse(responseCode = "404", description = "No such person")
    public Response signOut(@PathParam("username") String username) {
        if (username.length() > 64 || people.find(username).isEmpty()) {
            throw RequestRejected.notFound("unknown-person", "No such person.");
        }
        announcer.signOut(username);
        return Response.accepted(
                        JSON.createObjectBuilder().add("username", username).build())
                .build();
    }
}
