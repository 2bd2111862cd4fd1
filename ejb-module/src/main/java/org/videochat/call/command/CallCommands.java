package org.videochat.call.command;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.directory.Directory;
import org.videochat.platform.RequestRejected;

/**
 * The command side of calls. Each command validates, then writes the call and its signals in one
 * transaction. Nothing here talks to browsers: they learn about the change from the projection,
 * which is fed by change data capture of these very rows.
 */
@Stateless
public class CallCommands {

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    @ConfigProperty(name = "videochat.calls.max-sdp-bytes")
    int maxSdpBytes;

    /** Places a call with the caller's offer; the call starts in {@link CallState#TRYING}. */
    public Call place(String caller, String callee, String offerSdp) {
        if (callee == null || callee.isBlank()) {
            throw RequestRejected.badRequest("missing-callee", "The callee (a username) is required.");
        }
        if (callee.length() > 64) {
            throw RequestRejected.badRequest("invalid-callee", "A username has at most 64 characters.");
        }
        if (callee.equals(caller)) {
            throw RequestRejected.unprocessable("self-call", "You cannot call yourself.");
        }
        SessionDescriptions.check(offerSdp, maxSdpBytes);
        if (!directory.exists(callee)) {
            throw RequestRejected.unprocessable("unknown-callee", "There is nobody with the username '" + callee + "'.");
        }
        Call call = Call.place(caller, callee);
        em.persist(call);
        em.flush();
        em.persist(new CallSignal(call.id(), caller, callee, CallSignal.OFFER, offerSdp));
        return call;
    }
}
