-- What the change-capture role (Debezium Server; videochat.db.cdc-user) may do, and nothing more:
-- read the captured tables, beat the heartbeat, keep its offsets. It also needs the REPLICATION
-- attribute, which only a superuser can give (the run command does; docs/deploy.md says how
-- for an external database). Re-applied whenever this file changes.
DO $$
BEGIN
    IF '${cdc_user}' <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${cdc_user}') THEN
        EXECUTE format('GRANT SELECT ON call, call_signal, presence, cdc_heartbeat TO %I', '${cdc_user}');
        EXECUTE format('GRANT INSERT, UPDATE ON cdc_heartbeat TO %I', '${cdc_user}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON cdc_offset TO %I', '${cdc_user}');
    END IF;
END
$$;
