package org.videochat.call.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** Query model of a call, as the projection last saw it. Read-only for the application. */
@Entity
@Table(name = "call_view")
public class CallView {

    /** End reasons that make a call a missed call for its callee. */
    private static final Set<String> MISSED = Set.of("no_answer", "cancelled", "busy");

    @Id
    private UUID id;

    private String caller;
    private String callee;
    private String state;

    @Column(name = "end_reason")
    private String endReason;

    @Column(name = "ended_by")
    private String endedBy;

    @Column(name = "end_detail")
    private String endDetail;

    @Column(name = "answered_device")
    private String answeredDevice;
    // A String, not a UUID: EclipseLink's UUID converter fails on NULL.
    @Column(name = "replaced_by")
    private String replacedBy;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected CallView() {}

    public UUID id() {
        return id;
    }

    public String caller() {
        return caller;
    }

    public String callee() {
        return callee;
    }

    public String state() {
        return state;
    }

    public String endReason() {
        return endReason;
    }

    public String endedBy() {
        return endedBy;
    }

    public String endDetail() {
        return endDetail;
    }

    public String answeredDevice() {
        return answeredDevice;
    }

    public UUID replacedBy() {
        return replacedBy == null ? null : UUID.fromString(replacedBy);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime answeredAt() {
        return answeredAt;
    }

    public OffsetDateTime endedAt() {
        return endedAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public boolean isParticipant(String username) {
        return caller.equals(username) || callee.equals(username);
    }

    /** A call {@code username} received and never answered. */
    public boolean isMissedBy(String username) {
        return callee.equals(username) && "ENDED".equals(state) && MISSED.contains(endReason) && answeredAt == null;
    }
}
