-- videochat schema, version 1.
--
-- Command side: app_user, call, call_signal. call and call_signal are captured by CDC
-- (publication videochat_cdc); everything a browser sees is projected from their changes.
-- Query side: call_view, user_stream, user_event. Written only by the projections, never captured.

CREATE TABLE app_user (
    username      varchar(64)  PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    display_name  varchar(128) NOT NULL,
    password_hash varchar(512) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE app_user_role (
    username varchar(64) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    role     varchar(32) NOT NULL CHECK (role IN ('user', 'admin')),
    PRIMARY KEY (username, role)
);

CREATE TABLE call (
    id         uuid        PRIMARY KEY,
    caller     varchar(64) NOT NULL REFERENCES app_user (username),
    callee     varchar(64) NOT NULL REFERENCES app_user (username),
    state      varchar(16) NOT NULL CHECK (state IN ('TRYING', 'RINGING', 'CONNECTED', 'ENDED')),
    end_reason varchar(32),
    ended_by   varchar(64),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0,
    CHECK (caller <> callee)
);
-- FULL: an update event carries the previous row, so a projection sees the transition
-- (RINGING -> CONNECTED) without reading its own state first.
ALTER TABLE call REPLICA IDENTITY FULL;

CREATE TABLE call_signal (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_id    uuid        NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    sender     varchar(64) NOT NULL,
    recipient  varchar(64) NOT NULL,
    kind       varchar(16) NOT NULL CHECK (kind IN ('offer', 'answer', 'candidates')),
    payload    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX call_signal_call ON call_signal (call_id, id);
-- Signals are append-only: the primary key is all a delete would need.
ALTER TABLE call_signal REPLICA IDENTITY DEFAULT;

-- Debezium reads exactly these tables (publication.autocreate.mode=disabled).
CREATE PUBLICATION videochat_cdc FOR TABLE call, call_signal;

-- ---------------------------------------------------------------------------------------------
-- Query side

CREATE TABLE call_view (
    id            uuid        PRIMARY KEY,
    caller        varchar(64) NOT NULL,
    callee        varchar(64) NOT NULL,
    state         varchar(16) NOT NULL,
    end_reason    varchar(32),
    ended_by      varchar(64),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    -- LSN of the change last applied: an older or repeated change is ignored.
    source_lsn    bigint      NOT NULL
);
CREATE INDEX call_view_caller ON call_view (caller, created_at DESC);
CREATE INDEX call_view_callee ON call_view (callee, created_at DESC);

-- One row per user: the last event sequence number. Appending locks this row, so a user's
-- events commit in sequence order and a reader never sees seq n+1 before seq n.
CREATE TABLE user_stream (
    username varchar(64) PRIMARY KEY,
    last_seq bigint      NOT NULL
);

-- The per-user event log; seq is the SSE event id.
CREATE TABLE user_event (
    username       varchar(64)  NOT NULL,
    seq            bigint       NOT NULL,
    type           varchar(32)  NOT NULL,
    call_id        uuid,
    payload        text         NOT NULL,
    -- The captured change that produced the event: a redelivered change finds its key here.
    source_key     varchar(128) NOT NULL,
    cdc_commit_ms  bigint,
    cdc_publish_ms bigint,
    projected_at   timestamptz  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (username, seq),
    UNIQUE (username, source_key)
);
