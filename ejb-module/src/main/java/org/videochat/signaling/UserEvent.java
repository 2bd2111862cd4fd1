package org.videochat.signaling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One entry of a user's event log: what their signaling stream delivers, with {@code seq} as SSE id. */
@Entity
@Table(name = "user_event")
@IdClass(UserEvent.Key.class)
public class UserEvent {

    @Id
    private String username;

    @Id
    private long seq;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String payload;

    /** When the projection wrote it (database clock); written by the database, never by JPA. */
    @Column(name = "projected_at", insertable = false, updatable = false)
    private OffsetDateTime projectedAt;

    protected UserEvent() {}

    public String username() {
        return username;
    }

    public long seq() {
        return seq;
    }

    public String type() {
        return type;
    }

    /** The event's data as JSON text. */
    public String payload() {
        return payload;
    }

    public OffsetDateTime projectedAt() {
        return projectedAt;
    }

    public static class Key implements Serializable {
        private String username;
        private long seq;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && seq == k.seq && Objects.equals(username, k.username);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, seq);
        }
    }
}
