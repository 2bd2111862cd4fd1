-- The invite carries the ring deadline; the projection reads it from its own view, fed by the
-- call row's change, instead of reaching into the command-side table.
ALTER TABLE call_view ADD COLUMN ring_deadline timestamptz;
