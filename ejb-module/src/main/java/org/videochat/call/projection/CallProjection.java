package org.videochat.call.projection;

import static org.videochat.platform.Jsons.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import org.videochat.call.command.CallSignal;
import org.videochat.cdc.CapturedChange;
import org.videochat.directory.People;
import org.videochat.signaling.EventType;
import org.videochat.signaling.UserEventLog;

/**
 * Projects captured changes of {@code call} and {@code call_signal} into the call view and the
 * participants' event logs. Every write is idempotent: the view keeps the LSN it last applied,
 * and each event records the change that produced it, so a redelivered change does nothing.
 * Each method answers the users who got new events, for the announcement after the commit.
 *
 * <p>Event types (the SSE {@code event:} field) are documented in docs/signaling.md.
 */
@Stateless
public class CallProjection {

    private static final Logger LOG = Logger.getLogger(CallProjection.class.getName());

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    @Inject
    UserEventLog events;

    @Inject
    People people;

    /** A call row changed: update the view; on a state transition, tell both participants. */
    public Set<String> onCallChanged(CapturedChange change) {
        Set<String> notified = new LinkedHashSet<>();
        JsonObject row = change.row();
        if (row == null || "d".equals(change.operation())) {
            return notified;
        }
        if (upsertView(row, change.lsn()) == 0) {
            // This change, or a newer one, was applied before (a redelivery): its events exist already.
            LOG.info(() -> "call " + row.getString("id") + ": change at LSN " + change.lsn()
                    + " is not newer than the call view's; already applied, nothing to emit");
            return notified;
        }
        String previous = change.before() == null ? null : change.before().getString("state", null);
        String state = row.getString("state");
        if (state.equals(previous)) {
            return notified;
        }
        UUID id = UUID.fromString(row.getString("id"));
        String status = status(row).toString();
        // Each append locks the participant's user_stream row: always in name order, so that two
        // calls between the same two people (glare, a call-back) can never lock in opposite orders.
        for (String participant : new TreeSet<>(List.of(row.getString("caller"), row.getString("callee")))) {
            append(participant, EventType.CALL_STATUS, id, status, change.key("status"), change, notified);
        }
        return notified;
    }

    /** A signal was stored: deliver it to its recipient as the matching event. */
    public Set<String> onSignalAdded(CapturedChange change) {
        Set<String> notified = new LinkedHashSet<>();
        if (!change.isInsert()) {
            return notified;
        }
        JsonObject row = change.after();
        UUID callId = UUID.fromString(row.getString("call_id"));
        String sender = row.getString("sender");
        String kind = row.getString("kind");
        boolean offer = CallSignal.OFFER.equals(kind);
        Event event = signalEvent(
                kind,
                callId.toString(),
                sender,
                row.getString("payload"),
                offer ? people.displayName(sender) : null,
                offer ? ringDeadline(callId) : null);
        if (event == null) {
            return notified;
        }
        append(
                row.getString("recipient"),
                event.type(),
                callId,
                event.data(),
                change.key(event.type().wireName()),
                change,
                notified);
        return notified;
    }

    /** An event for a person's log: its type and its JSON data. */
    record Event(EventType type, String data) {}

    /**
     * The recipient's event for a stored signal, or null for a kind this version does not deliver.
     * {@code callerName} and {@code ringUntil} matter for an offer only.
     */
    static Event signalEvent(
            String kind, String callId, String sender, String payload, String callerName, String ringUntil) {
        JsonObjectBuilder data =
                JSON.createObjectBuilder().add("callId", callId).add("from", sender);
        EventType type;
        switch (kind) {
            case CallSignal.OFFER -> {
                type = EventType.INCOMING_CALL;
                data.add("caller", sender)
                        .add("callerName", callerName == null ? sender : callerName)
                        .add("sdp", payload);
                if (ringUntil != null) {
                    data.add("ringUntil", ringUntil);
                }
            }
            case CallSignal.ANSWER -> {
                type = EventType.ANSWER;
                data.add("sdp", payload);
            }
            case CallSignal.CANDIDATES -> {
                type = EventType.CANDIDATES;
                data.add(
                        "candidates",
                        JSON.createReader(new StringReader(payload)).readArray());
            }
            case CallSignal.RENEGOTIATE_OFFER, CallSignal.RENEGOTIATE_ANSWER -> {
                type = EventType.RENEGOTIATE;
                data.add("kind", kind.substring("renegotiate-".length())).add("sdp", payload);
            }
            default -> {
                return null;
            }
        }
        return new Event(type, data.build().toString());
    }

    private void append(
            String user,
            EventType type,
            UUID callId,
            String payload,
            String key,
            CapturedChange change,
            Set<String> notified) {
        if (events.append(user, type.wireName(), callId, payload, key, change.commitMs(), change.publishMs()) > 0) {
            notified.add(user);
        }
    }

    private String ringDeadline(UUID callId) {
        // The call row precedes its offer in the same message group, so the view already has it.
        var rows = em.createNativeQuery(
                        "SELECT to_char(ring_deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM call_view WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, callId.toString())
                .getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toString();
    }

    /** The call-status event's data for a call row. */
    static JsonObject status(JsonObject row) {
        JsonObjectBuilder status = JSON.createObjectBuilder()
                .add("callId", row.getString("id"))
                .add("state", row.getString("state"))
                .add("caller", row.getString("caller"))
                .add("callee", row.getString("callee"));
        copy(row, "end_reason", status, "reason");
        copy(row, "ended_by", status, "endedBy");
        copy(row, "end_detail", status, "detail");
        copy(row, "answered_device", status, "device");
        copy(row, "replaced_by", status, "replacedBy");
        return status.build();
    }

    private static void copy(JsonObject row, String column, JsonObjectBuilder to, String field) {
        if (row.containsKey(column) && !row.isNull(column)) {
            to.add(field, row.getString(column));
        }
    }

    private static String text(JsonObject row, String column) {
        return row.containsKey(column) && !row.isNull(column) ? row.getString(column) : null;
    }

    /** Copies a call row into call_view unless the view holds this change or a newer one (CallViewColumnsTest). */
    static final String UPSERT_VIEW = """
            INSERT INTO call_view (id, caller, callee, state, end_reason, ended_by, end_detail, answered_device,
                                   answered_at, ended_at, replaced_by, created_at, updated_at, source_lsn, ring_deadline)
            VALUES (CAST(?1 AS uuid), ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS timestamptz), CAST(?10 AS timestamptz),
                    CAST(?11 AS uuid), CAST(?12 AS timestamptz), CAST(?13 AS timestamptz), ?14, CAST(?15 AS timestamptz))
            ON CONFLICT (id) DO UPDATE SET
                state = EXCLUDED.state, end_reason = EXCLUDED.end_reason, ended_by = EXCLUDED.ended_by,
                end_detail = EXCLUDED.end_detail, answered_device = EXCLUDED.answered_device,
                answered_at = EXCLUDED.answered_at, ended_at = EXCLUDED.ended_at, replaced_by = EXCLUDED.replaced_by,
                updated_at = EXCLUDED.updated_at, source_lsn = EXCLUDED.source_lsn, ring_deadline = EXCLUDED.ring_deadline
            WHERE call_view.source_lsn < EXCLUDED.source_lsn""";

    /** @return 1 when the view took the change, 0 when it already holds this or a newer one */
    private int upsertView(JsonObject row, long lsn) {
        return em.createNativeQuery(UPSERT_VIEW)
                .setParameter(1, row.getString("id"))
                .setParameter(2, row.getString("caller"))
                .setParameter(3, row.getString("callee"))
                .setParameter(4, row.getString("state"))
                .setParameter(5, text(row, "end_reason"))
                .setParameter(6, text(row, "ended_by"))
                .setParameter(7, text(row, "end_detail"))
                .setParameter(8, text(row, "answered_device"))
                .setParameter(9, text(row, "answered_at"))
                .setParameter(10, text(row, "ended_at"))
                .setParameter(11, text(row, "replaced_by"))
                .setParameter(12, row.getString("created_at"))
                .setParameter(13, row.getString("updated_at"))
                .setParameter(14, lsn)
                .setParameter(15, text(row, "ring_deadline"))
                .executeUpdate();
    }
}
