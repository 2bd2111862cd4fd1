package org.videochat.signaling.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.videochat.platform.RequestRejected;
import org.videochat.platform.web.Devices;
import org.videochat.security.SignIn;
import org.videochat.signaling.UserEventLog;

/**
 * {@code GET /api/events}: the signed-in user's signaling stream (Server-Sent Events). Event ids
 * are the user's event sequence numbers; a reconnecting EventSource sends the last one back in
 * {@code Last-Event-ID} and receives exactly what it missed, in order. {@code ?device=} names
 * the tab, so that a tab that did not answer a call sees it end with {@code answered_elsewhere}.
 * {@code ?lastEventId=} does what the header does, for a page that opens a new EventSource
 * itself (a new EventSource cannot set the header).
 */
@Path("events")
@RequestScoped
public class EventsResource {

    @Inject
    OpenStreams streams;

    @Inject
    StreamDelivery delivery;

    @Inject
    StreamHeartbeat heartbeat;

    @Inject
    UserEventLog log;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void open(
            @Context SseEventSink sink,
            @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("lastEventId") String lastEventIdParameter,
            @QueryParam("device") String device,
            @Context HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        // The container may change the session id on every sign-in check; the key stays.
        Object sessionKey = session == null ? null : session.getAttribute(SignIn.SESSION_KEY);
        String username = security.getUserPrincipal().getName();
        Long asked = parse(lastEventId != null ? lastEventId : lastEventIdParameter);
        long[] position = log.positions(List.of(username)).getOrDefault(username, new long[] {0, 0});
        long last = position[0];
        StreamStart start = StreamStart.of(asked, last, position[1]);
        StreamConnection connection = streams.open(
                username,
                Devices.check(device),
                sessionKey == null ? null : sessionKey.toString(),
                sink,
                sse,
                start.from());
        heartbeat.ensureRunning();
        // Registered first, then caught up: an event committed in between is not missed.
        delivery.start(connection, start.resyncReason(), last);
    }

    /**
     * A HEAD request gets the stream's headers and no stream: without this, JAX-RS would run the
     * GET, which never ends.
     */
    @HEAD
    public Response head() {
        return Response.ok().type(MediaType.SERVER_SENT_EVENTS_TYPE).build();
    }

    static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        String id = lastEventId.strip();
        if (id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            throw RequestRejected.badRequest(
                    "invalid-last-event-id", "Last-Event-ID must be an event id this stream sent (a number).");
        }
        return Long.parseLong(id);
    }
}
