-- Issue 11 "Payload size" (BI-7): an event payload is at most 64 KiB as stored text.
-- The write path refuses a larger one first (packages/db/src/payload-size.ts, the same
-- cap), so this CHECK is the backstop for any other writer, the owner role included.
-- NOT VALID: the log is append-only and cannot be edited, so a row stored before the cap
-- must not make the migration fail; every new row is checked.
ALTER TABLE "events"
  ADD CONSTRAINT "events_payload_size"
  CHECK (octet_length("payload"::text) <= 65536) NOT VALID;
