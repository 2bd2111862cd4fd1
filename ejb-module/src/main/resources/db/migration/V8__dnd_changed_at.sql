-- When a person last switched Do Not Disturb: each switch reaches every open stream of every
-- node, so switches are limited per person (videochat.presence.min-change-ms), on every node alike.
ALTER TABLE app_user ADD COLUMN dnd_changed_at timestamptz;
