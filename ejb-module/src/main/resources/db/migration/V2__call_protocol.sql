-- videochat schema, version 2: the complete 1:1 call protocol.

ALTER TABLE call
    ADD COLUMN ring_deadline   timestamptz,
    ADD COLUMN answered_device varchar(64),
    ADD COLUMN answered_at     timestamptz,
    ADD COLUMN ended_at        timestamptz,
    ADD COLUMN end_detail      varchar(200),
    ADD COLUMN replaced_by     uuid,
    ADD CONSTRAINT call_end_reason_check CHECK (end_reason IN
        ('declined', 'cancelled', 'no_answer', 'busy', 'hangup', 'failed', 'glare', 'ended_by_admin')),
    ADD CONSTRAINT call_ended_has_reason CHECK ((state = 'ENDED') = (end_reason IS NOT NULL));

-- "Is this person in a call?" and "which calls stopped ringing?" are asked on every command.
CREATE INDEX call_active_caller ON call (caller) WHERE state <> 'ENDED';
CREATE INDEX call_active_callee ON call (callee) WHERE state <> 'ENDED';
CREATE INDEX call_ringing_until ON call (ring_deadline) WHERE state IN ('TRYING', 'RINGING');

ALTER TABLE call_signal ALTER COLUMN kind TYPE varchar(24);
ALTER TABLE call_signal DROP CONSTRAINT call_signal_kind_check;
ALTER TABLE call_signal ADD CONSTRAINT call_signal_kind_check
    CHECK (kind IN ('offer', 'answer', 'candidates', 'renegotiate-offer', 'renegotiate-answer'));

ALTER TABLE call_view
    ADD COLUMN answered_device varchar(64),
    ADD COLUMN answered_at     timestamptz,
    ADD COLUMN ended_at        timestamptz,
    ADD COLUMN end_detail      varchar(200),
    ADD COLUMN replaced_by     uuid;

-- Events up to this sequence number were removed by retention: an older Last-Event-ID resyncs.
ALTER TABLE user_stream ADD COLUMN pruned_through bigint NOT NULL DEFAULT 0;
CREATE INDEX user_event_age ON user_event (projected_at);

-- Calls placed before ring timeouts existed would ring forever: let them time out now.
UPDATE call SET ring_deadline = now() WHERE state IN ('TRYING', 'RINGING') AND ring_deadline IS NULL;
