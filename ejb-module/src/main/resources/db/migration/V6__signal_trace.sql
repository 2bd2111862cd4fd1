-- The operations console traces one call's events through every stage (commit, JMS publish,
-- projection, delivery): find them by call without scanning every user's log.
CREATE INDEX user_event_call ON user_event (call_id) WHERE call_id IS NOT NULL;

-- Debezium Server writes here every heartbeat (heartbeat.action.query). Without a captured
-- change it never confirms a newer LSN, so on a quiet day the replication slot would hold back
-- all the WAL that other tables write (stream_connection, user_event) and the readiness check
-- would report CDC lag although nothing is late. The projection ignores these changes.
CREATE TABLE cdc_heartbeat (
    id      int         PRIMARY KEY CHECK (id = 1),
    beat_at timestamptz NOT NULL
);
ALTER PUBLICATION videochat_cdc ADD TABLE cdc_heartbeat;
