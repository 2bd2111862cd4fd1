package org.videochat.call.command;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One signaling message of a call (offer, answer, ICE candidates), addressed to the other
 * participant. Append-only; the projection turns each row into an event for the recipient.
 */
@Entity
@Table(name = "call_signal")
public class CallSignal {

    public static final String OFFER = "offer";
    public static final String ANSWER = "answer";
    public static final String CANDIDATES = "candidates";
    public static final String RENEGOTIATE_OFFER = "renegotiate-offer";
    public static final String RENEGOTIATE_ANSWER = "renegotiate-answer";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_id", nullable = false, updatable = false)
    private UUID callId;

    @Column(nullable = false, updatable = false)
    private String sender;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String payload;

    protected CallSignal() {}

    public CallSignal(UUID callId, String sender, String recipient, String kind, String payload) {
        this.callId = callId;
        this.sender = sender;
        this.recipient = recipient;
        this.kind = kind;
        this.payload = payload;
    }

    public Long id() {
        return id;
    }
}
