-- videochat schema, version 4: presence on the CDC path.

-- One row per person who was ever seen; changed only when the status changes. Captured:
-- the projection tells everyone signed in.
CREATE TABLE presence (
    username   varchar(64) PRIMARY KEY REFERENCES app_user (username) ON DELETE CASCADE,
    status     varchar(16) NOT NULL CHECK (status IN ('online', 'in_call', 'dnd', 'offline')),
    updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE presence REPLICA IDENTITY FULL;
ALTER PUBLICATION videochat_cdc ADD TABLE presence;
