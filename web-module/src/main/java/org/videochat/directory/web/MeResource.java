package org.videochat.directory.web;

import static org.videochat.platform.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videochat.directory.People;
import org.videochat.platform.RequestRejected;
import org.videochat.platform.web.JsonBodies;
import org.videochat.presence.command.PresenceCommands;
import org.videochat.security.SignIn;

/** The signed-in user: who they are, their CSRF token, and their Do Not Disturb switch. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "me", description = "The signed-in user")
public class MeResource {

    @Inject
    People people;

    @Inject
    PresenceCommands presence;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Who you are; csrfToken (session sign-in only) goes into X-CSRF-Token on POST/PUT")
    public JsonObject me() {
        String me = security.getUserPrincipal().getName();
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("username", me)
                .add("displayName", people.displayName(me))
                .add("admin", security.isUserInRole("admin"))
                .add("dnd", people.doNotDisturb(me));
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignIn.SESSION_CSRF) instanceof String token) {
            json.add("csrfToken", token);
        }
        return json.build();
    }

    @PUT
    @Path("dnd")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Switch Do Not Disturb: {\"dnd\":true|false}; calls to you then end at once with busy (detail dnd)")
    public JsonObject doNotDisturb(JsonValue json) {
        JsonValue value = JsonBodies.requireObject(json).get("dnd");
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw RequestRejected.badRequest("invalid-field", "Field 'dnd' must be true or false.");
        }
        String me = security.getUserPrincipal().getName();
        presence.setDoNotDisturb(me, value == JsonValue.TRUE);
        return JSON.createObjectBuilder().add("dnd", value == JsonValue.TRUE).build();
    }
}
