package org.videochat.call.command;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videochat.directory.People;
import org.videochat.platform.RequestRejected;
import org.videochat.presence.command.PresenceCommands;

/**
 * The command side of calls. Each command checks who is asking and what state the call is in,
 * then writes the call and its signals in one transaction. Nothing here talks to browsers:
 * they learn about the change from the projection, fed by change data capture of these rows.
 */
@Stateless
public class CallCommands {

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    @Inject
    People people;

    @Inject
    PresenceCommands presence;

    @Inject
    @ConfigProperty(name = "videochat.calls.max-sdp-bytes")
    int maxSdpBytes;

    @Inject
    @ConfigProperty(name = "videochat.calls.ring-timeout-seconds")
    long ringTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "videochat.calls.max-per-caller-per-minute")
    int maxCallsPerCaller;

    @Inject
    @ConfigProperty(name = "videochat.calls.max-per-pair-per-minute")
    int maxCallsPerPair;

    @Inject
    @ConfigProperty(name = "videochat.calls.max-candidates-per-request")
    int maxCandidates;

    @Inject
    @ConfigProperty(name = "videochat.calls.max-candidate-chars")
    int maxCandidateChars;

    /**
     * Places a call with the caller's offer. The call starts in TRYING, or ends at once with
     * {@code busy} when the callee is in another call. If the callee is calling the caller right
     * now (glare), the call of the caller whose username sorts first survives.
     */
    public Call place(String caller, String callee, String offerSdp) {
        Placement.checkCallee(caller, callee);
        SessionDescriptions.check(offerSdp, maxSdpBytes);
        checkCallingRate(caller, callee);
        var calleeAccount = people.find(callee)
                .orElseThrow(() -> RequestRejected.unprocessable(
                        "unknown-callee", "There is nobody with the username '" + callee + "'."));
        lockPeople(caller, callee);

        List<Call> callerCalls = activeCallsOf(caller);
        Call reverse = callerCalls.stream()
                .filter(c -> c.caller().equals(callee) && c.state() != CallState.CONNECTED)
                .findFirst()
                .orElse(null);
        boolean calleeInCall = reverse == null
                && !calleeAccount.dnd()
                && !activeCallsOf(callee).isEmpty();
        Call call = switch (Placement.decide(
                caller, callee, reverse != null, !callerCalls.isEmpty(), calleeAccount.dnd(), calleeInCall)) {
            case RING -> Call.place(caller, callee, ringTimeoutSeconds);
            case WIN_GLARE -> {
                Call winner = Call.place(caller, callee, ringTimeoutSeconds);
                reverse.loseGlare(winner.id());
                yield winner;
            }
            case LOSE_GLARE -> Call.endedAtOnce(caller, callee, EndReason.GLARE, null, reverse.id());
            case BUSY_DND -> Call.endedAtOnce(caller, callee, EndReason.BUSY, "dnd", null);
            case BUSY_IN_CALL -> Call.endedAtOnce(caller, callee, EndReason.BUSY, "in-call", null);
        };
        em.persist(call);
        em.flush();
        if (call.state() == CallState.TRYING) {
            em.persist(new CallSignal(call.id(), caller, callee, CallSignal.OFFER, offerSdp));
        }
        return call;
    }

    private void checkCallingRate(String caller, String callee) {
        Object[] recent = (Object[]) em.createNativeQuery("""
                        SELECT count(*),
                               count(*) FILTER (WHERE callee = ?2),
                               ceil(extract(epoch FROM min(created_at) + interval '60 seconds' - now())),
                               ceil(extract(epoch FROM min(created_at) FILTER (WHERE callee = ?2) + interval '60 seconds' - now()))
                        FROM call WHERE caller = ?1 AND created_at > now() - interval '60 seconds'""")
                .setParameter(1, caller)
                .setParameter(2, callee)
                .getSingleResult();
        Placement.checkRate(
                number(recent[0]),
                number(recent[1]),
                maxCallsPerCaller,
                maxCallsPerPair,
                number(recent[2]),
                number(recent[3]));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** A callee tab received the invite and is ringing. */
    public Call ringing(UUID id, String me) {
        Call call = participantCall(id, me);
        requireCallee(call, me);
        call.ring();
        return call;
    }

    public Call accept(UUID id, String me, String answerSdp, String device) {
        Call call = participantCall(id, me);
        requireCallee(call, me);
        SessionDescriptions.check(answerSdp, maxSdpBytes);
        call.accept(device);
        em.persist(new CallSignal(call.id(), me, call.caller(), CallSignal.ANSWER, answerSdp));
        refreshPresence(call);
        return call;
    }

    public Call decline(UUID id, String me, String detail) {
        Call call = participantCall(id, me);
        requireCallee(call, me);
        call.decline(detail);
        return call;
    }

    public Call cancel(UUID id, String me) {
        Call call = participantCall(id, me);
        if (!call.caller().equals(me)) {
            throw new RequestRejected(403, "caller-only", "Only the caller can cancel a call; the callee declines.");
        }
        call.cancel();
        return call;
    }

    public Call hangUp(UUID id, String me) {
        Call call = participantCall(id, me);
        call.hangUp(me);
        refreshPresence(call);
        return call;
    }

    /** An operator (role admin, checked by the web tier) ends someone's call. */
    public Call endByAdmin(UUID id, String admin) {
        Call call = id == null ? null : em.find(Call.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (call == null) {
            throw RequestRejected.notFound("unknown-call", "No such call.");
        }
        call.endByAdmin(admin);
        refreshPresence(call);
        return call;
    }

    /** Trickled ICE candidates for the other participant. */
    public Call candidates(UUID id, String me, JsonValue batch) {
        Call call = participantCall(id, me);
        String normalized = IceCandidates.check(batch, maxCandidates, maxCandidateChars);
        call.requireConnectedOrRinging("send candidates for");
        em.persist(new CallSignal(call.id(), me, call.otherParty(me), CallSignal.CANDIDATES, normalized));
        return call;
    }

    /** A new offer or answer during a connected call (ICE restart, screen sharing). */
    public Call renegotiate(UUID id, String me, String kind, String sdp) {
        Call call = participantCall(id, me);
        String signal = switch (kind == null ? "" : kind) {
            case "offer" -> CallSignal.RENEGOTIATE_OFFER;
            case "answer" -> CallSignal.RENEGOTIATE_ANSWER;
            default ->
                throw RequestRejected.badRequest("invalid-kind", "Field 'kind' must be \"offer\" or \"answer\".");
        };
        SessionDescriptions.check(sdp, maxSdpBytes);
        call.requireConnected("renegotiate");
        em.persist(new CallSignal(call.id(), me, call.otherParty(me), signal, sdp));
        return call;
    }

    /** The client's report on media: {@code connected} changes nothing, {@code failed} ends the call. */
    public Call media(UUID id, String me, String status, String detail) {
        Call call = participantCall(id, me);
        switch (status == null ? "" : status) {
            case "connected" -> call.requireConnected("report media on");
            case "failed" -> {
                call.fail(me, detail);
                refreshPresence(call);
            }
            default ->
                throw RequestRejected.badRequest(
                        "invalid-status", "Field 'status' must be \"connected\" or \"failed\".");
        }
        return call;
    }

    /** Ends unanswered calls whose ring timeout passed; safe to run on every node at once. */
    public int expireUnanswered(int limit) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        SELECT CAST(id AS text) FROM call
                        WHERE state IN ('TRYING', 'RINGING') AND ring_deadline < now()
                        ORDER BY ring_deadline LIMIT ?1 FOR UPDATE SKIP LOCKED""").setParameter(1, limit).getResultList();
        int expired = 0;
        for (Object id : ids) {
            Call call = em.find(Call.class, UUID.fromString(id.toString()), LockModeType.PESSIMISTIC_WRITE);
            if (call != null && call.expire()) {
                expired++;
            }
        }
        return expired;
    }

    /** Presence reads the call table: flush the change first, in this transaction. */
    private void refreshPresence(Call call) {
        em.flush();
        presence.refresh(List.of(call.caller(), call.callee()));
    }

    private Call participantCall(UUID id, String me) {
        Call call = id == null ? null : em.find(Call.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (call == null || !call.isParticipant(me)) {
            // Same answer whether the call does not exist or is someone else's.
            throw RequestRejected.notFound("unknown-call", "No such call.");
        }
        return call;
    }

    private static void requireCallee(Call call, String me) {
        if (!call.callee().equals(me)) {
            throw new RequestRejected(403, "callee-only", "Only the callee can do this.");
        }
    }

    /** Serializes call placement between the same people (busy and glare checks). */
    private void lockPeople(String a, String b) {
        em.createNativeQuery("SELECT username FROM app_user WHERE username IN (?1, ?2) ORDER BY username FOR UPDATE")
                .setParameter(1, a)
                .setParameter(2, b)
                .getResultList();
    }

    private List<Call> activeCallsOf(String username) {
        return em.createQuery(
                        "SELECT c FROM Call c WHERE (c.caller = :u OR c.callee = :u) AND c.state <> :ended", Call.class)
                .setParameter("u", username)
                .setParameter("ended", CallState.ENDED)
                .getResultList();
    }
}
