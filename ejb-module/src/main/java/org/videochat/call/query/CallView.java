package org.videochat.call.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Query model of a call, as the projection last saw it. Read-only for the application. */
@Entity
@Table(name = "call_view")
public class CallView {

    @Id
    private UUID id;
    private String caller;
    private String callee;
    private String state;
    @Column(name = "end_reason")
    private String endReason;
    @Column(name = "ended_by")
    private String endedBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected CallView() {
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

    public String state() {
        return state;
    }

    public String endReason() {
        return endReason;
    }

    public String endedBy() {
        return endedBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public boolean isParticipant(String username) {
        return caller.equals(username) || callee.equals(username);
    }
}
