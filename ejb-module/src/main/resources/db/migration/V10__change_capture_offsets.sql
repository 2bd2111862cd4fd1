-- Debezium Server keeps its position in the WAL here (JdbcOffsetBackingStore's own layout).
-- Created with the schema rather than by Debezium, so that the change-capture role needs no right
-- to create tables: it only reads and writes this one (R__change_capture_role.sql).
CREATE TABLE IF NOT EXISTS cdc_offset (
    id                VARCHAR(36) NOT NULL,
    offset_key        VARCHAR(1255),
    offset_val        VARCHAR(1255),
    record_insert_ts  TIMESTAMP NOT NULL,
    record_insert_seq INTEGER NOT NULL
);
