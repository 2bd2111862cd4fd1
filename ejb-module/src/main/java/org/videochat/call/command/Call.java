package org.videochat.call.command;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

/** Write model of a call between two people. Its changes are captured and projected. */
@Entity
@Table(name = "call")
public class Call {

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

    @Version
    private long version;

    protected Call() {
    }

    private Call(UUID id, String caller, String callee) {
        this.id = id;
        this.caller = caller;
        this.callee = callee;
        this.state = CallState.TRYING;
    }

    public static Call place(String caller, String callee) {
        return new Call(UUID.randomUUID(), caller, callee);
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
}
