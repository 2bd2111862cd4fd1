-- videochat schema, version 9: limits on ringing people, and retention of ended calls' signals.

-- The calls a person placed in the last minute, with whom (videochat.calls.max-per-*-per-minute).
CREATE INDEX call_caller_recent ON call (caller, created_at);

-- Ended calls whose offers, answers and candidates (up to 64 KiB each) are no longer needed:
-- the signal retention removes them after videochat.calls.signal-retention-hours; the call row
-- and its view stay as the record of the call.
CREATE INDEX call_ended_at ON call (ended_at) WHERE state = 'ENDED';
