package org.videochat.call.command;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.videochat.platform.RequestRejected;

/**
 * Write model of a call between two people, and the only place its state changes. Every
 * transition method refuses with 409 what the state machine does not allow, before anything
 * is written. Its rows are captured by CDC and projected into what browsers see.
 *
 * <pre>
 * TRYING ──ring──► RINGING ──accept──► CONNECTED ──hangup/fail──► ENDED
 *    └──────────────┴── decline / cancel / timeout / glare ──────► ENDED
 * </pre>
 */
@Entity
@Table(name = "call")
public class Call {

    private static final Set<CallState> UNANSWERED = Set.of(CallState.TRYING, CallState.RINGING);

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String caller;

    @Column(nullable = false, updatable = false)
    private String callee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallState state;

    @Column(name = "end_reason")
    private String endReason;

    @Column(name = "ended_by")
    private String endedBy;

    @Column(name = "end_detail")
    private String endDetail;

    @Column(name = "ring_deadline")
    private OffsetDateTime ringDeadline;

    @Column(name = "answered_device")
    private String answeredDevice;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    // A String, not a UUID: EclipseLink's UUID converter fails on NULL.
    @Column(name = "replaced_by")
    private String replacedBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Call() {}

    private Call(String caller, String callee, OffsetDateTime ringDeadline) {
        this.id = UUID.randomUUID();
        this.caller = caller;
        this.callee = callee;
        this.state = CallState.TRYING;
        this.ringDeadline = ringDeadline;
        this.updatedAt = now();
    }

    public static Call place(String caller, String callee, long ringSeconds) {
        return new Call(caller, callee, now().plusSeconds(ringSeconds));
    }

    /** A call that ends as it is placed: the callee is busy, or the call lost a glare. */
    public static Call endedAtOnce(String caller, String callee, EndReason reason, String detail, UUID replacedBy) {
        Call call = new Call(caller, callee, null);
        call.end(reason, null, detail);
        call.replacedBy = replacedBy == null ? null : replacedBy.toString();
        return call;
    }

    /** A callee tab received the invite. Repeating it (more tabs) changes nothing. */
    public void ring() {
        requireState("ringing", CallState.TRYING, CallState.RINGING);
        if (state == CallState.TRYING) {
            state = CallState.RINGING;
            touch();
        }
    }

    public void accept(String device) {
        if (state == CallState.CONNECTED) {
            throw conflict(
                    "already-answered",
                    "The call was already answered" + (answeredDevice == null ? "." : " on another device."));
        }
        requireState("accept", CallState.TRYING, CallState.RINGING);
        state = CallState.CONNECTED;
        answeredDevice = device;
        answeredAt = now();
        ringDeadline = null;
        touch();
    }

    public void decline(String detail) {
        requireState("decline", CallState.TRYING, CallState.RINGING);
        end(EndReason.DECLINED, callee, detail);
    }

    public void cancel() {
        requireState("cancel", CallState.TRYING, CallState.RINGING);
        end(EndReason.CANCELLED, caller, null);
    }

    public void hangUp(String by) {
        requireState("hang up", CallState.CONNECTED);
        end(EndReason.HANGUP, by, null);
    }

    /** Media could not be set up or broke down; either participant may say so. */
    public void fail(String by, String detail) {
        requireState("report a media failure on", CallState.TRYING, CallState.RINGING, CallState.CONNECTED);
        end(EndReason.FAILED, by, detail);
    }

    /** An operator ends the call, whatever its state; both participants see why. */
    public void endByAdmin(String admin) {
        requireConnectedOrRinging("end");
        end(EndReason.ENDED_BY_ADMIN, admin, null);
    }

    /** The ring timeout passed: ends an unanswered call, leaves any other state alone. */
    public boolean expire() {
        if (!UNANSWERED.contains(state)) {
            return false;
        }
        end(EndReason.NO_ANSWER, null, null);
        return true;
    }

    /** This call gave way to {@code survivor} because both parties called each other. */
    public void loseGlare(UUID survivor) {
        requireState("replace", CallState.TRYING, CallState.RINGING);
        end(EndReason.GLARE, null, null);
        replacedBy = survivor.toString();
    }

    public void requireConnectedOrRinging(String what) {
        requireState(what, CallState.TRYING, CallState.RINGING, CallState.CONNECTED);
    }

    public void requireConnected(String what) {
        requireState(what, CallState.CONNECTED);
    }

    private void end(EndReason reason, String by, String detail) {
        state = CallState.ENDED;
        endReason = reason.wire();
        endedBy = by;
        endDetail = detail;
        endedAt = now();
        ringDeadline = null;
        touch();
    }

    private void requireState(String action, CallState... allowed) {
        for (CallState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw conflict(
                state == CallState.ENDED ? "call-ended" : "illegal-transition",
                "Cannot " + action + " a call that is " + state.name()
                        + (state == CallState.ENDED ? " (" + endReason + ")." : "."));
    }

    private static RequestRejected conflict(String code, String detail) {
        return new RequestRejected(409, code, detail);
    }

    private void touch() {
        updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public boolean isParticipant(String username) {
        return caller.equals(username) || callee.equals(username);
    }

    public String otherParty(String username) {
        return caller.equals(username) ? callee : caller;
    }

    public UUID id() {
        return id;
    }

    public String caller() {
        return caller;
    }

    public String callee() {
        return callee;
    }

    public CallState state() {
        return state;
    }

    public String endReason() {
        return endReason;
    }

    public UUID replacedBy() {
        return replacedBy == null ? null : UUID.fromString(replacedBy);
    }

    public OffsetDateTime ringDeadline() {
        return ringDeadline;
    }
}
