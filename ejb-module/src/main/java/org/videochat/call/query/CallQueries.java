package org.videochat.call.query;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.UUID;

/** Reads of the call query model, always on behalf of someone. */
@Stateless
public class CallQueries {

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    /** The call, if it exists and {@code viewer} takes part in it; otherwise nothing (never a hint that it exists). */
    public Optional<CallView> find(UUID id, String viewer) {
        return Optional.ofNullable(em.find(CallView.class, id)).filter(c -> c.isParticipant(viewer));
    }
}
