-- Idempotency keys: the first answer to a command, kept by (person, client-chosen key), so that a
-- client whose response was lost can repeat the command and gets that answer again instead of
-- running it twice. Written in the command's own transaction; pruned after a day.
CREATE TABLE command_receipt (
    username        text        NOT NULL,
    idempotency_key text        NOT NULL,
    request         text        NOT NULL,
    status          integer     NOT NULL,
    location        text,
    body            text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (username, idempotency_key)
);
CREATE INDEX command_receipt_created_at ON command_receipt (created_at);
