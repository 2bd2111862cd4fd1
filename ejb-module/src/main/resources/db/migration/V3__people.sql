-- videochat schema, version 3: sign-in, directory and Do Not Disturb.

-- Repeated failed sign-ins per username (existing or not, so the answer reveals nothing).
CREATE TABLE login_throttle (
    username     varchar(256) PRIMARY KEY,
    failures     integer      NOT NULL,
    window_start timestamptz  NOT NULL,
    locked_until timestamptz
);

-- Do Not Disturb is the user's own setting: command side, checked when a call is placed.
ALTER TABLE app_user ADD COLUMN dnd boolean NOT NULL DEFAULT false;

-- Open signaling streams on every node (not captured): "online" means at least one row.
-- Nodes refresh last_seen with each heartbeat; rows of a node that died are swept.
CREATE TABLE stream_connection (
    id        uuid        PRIMARY KEY,
    username  varchar(64) NOT NULL,
    node      varchar(64) NOT NULL,
    opened_at timestamptz NOT NULL DEFAULT now(),
    last_seen timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stream_connection_user ON stream_connection (username);

CREATE INDEX app_user_display_name ON app_user (lower(display_name) text_pattern_ops);
