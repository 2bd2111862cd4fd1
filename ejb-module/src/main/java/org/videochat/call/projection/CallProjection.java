package org.videochat.call.projection;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.videochat.cdc.CapturedChange;
import org.videochat.directory.Directory;
import org.videochat.signaling.UserEventLog;

import java.util.UUID;

/**
 * Projects captured changes of {@code call} and {@code call_signal} into the call view and the
 * participants' event logs. Every write is idempotent: the view keeps the LSN it last applied,
 * and each event records the change that produced it.
 */
@Stateless
public class CallProjection {

    /** Event types on the signaling stream. */
    public static final String INCOMING_CALL = "incoming-call";
    public static final String CALL_STATUS = "call-status";

    @PersistenceContext(unitName = "videochat")
    EntityManager em;

    @Inject
    UserEventLog events;

    @Inject
    Directory directory;

    public void onCallChanged(CapturedChange change) {
        JsonObject row = change.row();
        if (row == null || "d".equals(change.operation())) {
            return;
        }
        UUID id = UUID.fromString(row.getString("id"));
        String state = row.getString("state");
        if (upsertView(row, change.lsn()) == 0) {
            return; // this change, or a newer one, was applied before: its events exist already
        }

        String previous = change.before() == null ? null : change.before().getString("state", null);
        if (state.equals(previous)) {
            return;
        }
        // A status event for the caller on every transition; the callee learns of the call from
        // the offer (incoming-call), and of its later states once those commands exist.
        String caller = row.getString("caller");
        events.append(caller, CALL_STATUS, id, status(row).toString(), change.key("status"), change);
    }

    public void onSignalAdded(CapturedChange change) {
        if (!change.isInsert()) {
            return;
        }
        JsonObject row = change.after();
        UUID callId = UUID.fromString(row.getString("call_id"));
        String sender = row.getString("sender");
        String recipient = row.getString("recipient");
        if ("offer".equals(row.getString("kind"))) {
            JsonObject invite = Json.createObjectBuilder()
                    .add("callId", callId.toString())
                    .add("caller", sender)
                    .add("callerName", directory.displayName(sender))
                    .add("sdp", row.getString("payload"))
                    .build();
            events.append(recipient, INCOMING_CALL, callId, invite.toString(), change.key("invite"), change);
        }
    }

    private static JsonObject status(JsonObject row) {
        var status = Json.createObjectBuilder()
                .add("callId", row.getString("id"))
                .add("state", row.getString("state"))
                .add("caller", row.getString("caller"))
                .add("callee", row.getString("callee"));
        if (!row.isNull("end_reason")) {
            status.add("reason", row.getString("end_reason"));
        }
        return status.build();
    }

    /** @return 1 when the view took the change, 0 when it already holds this or a newer one */
    private int upsertView(JsonObject row, long lsn) {
        return em.createNativeQuery("""
                        INSERT INTO call_view (id, caller, callee, state, end_reason, ended_by, created_at, updated_at, source_lsn)
                        VALUES (CAST(?1 AS uuid), ?2, ?3, ?4, ?5, ?6, CAST(?7 AS timestamptz), CAST(?8 AS timestamptz), ?9)
                        ON CONFLICT (id) DO UPDATE SET
                            state = EXCLUDED.state, end_reason = EXCLUDED.end_reason, ended_by = EXCLUDED.ended_by,
                            updated_at = EXCLUDED.updated_at, source_lsn = EXCLUDED.source_lsn
                        WHERE call_view.source_lsn < EXCLUDED.source_lsn""")
                .setParameter(1, row.getString("id"))
                .setParameter(2, row.getString("caller"))
                .setParameter(3, row.getString("callee"))
                .setParameter(4, row.getString("state"))
                .setParameter(5, row.isNull("end_reason") ? null : row.getString("end_reason"))
                .setParameter(6, row.isNull("ended_by") ? null : row.getString("ended_by"))
                .setParameter(7, row.getString("created_at"))
                .setParameter(8, row.getString("updated_at"))
                .setParameter(9, lsn)
                .executeUpdate();
    }
}
