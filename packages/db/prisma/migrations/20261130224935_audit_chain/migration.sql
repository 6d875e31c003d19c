-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'AUDIT_CHECKPOINT_SIGNED';

-- CreateTable
CREATE TABLE "event_seals" (
    "company_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "event_id" UUID NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "settled_below_tx" BIGINT NOT NULL,
    "sealed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_seals_pkey" PRIMARY KEY ("company_id","seq")
);

-- CreateTable
CREATE TABLE "audit_checkpoints" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "sequence" BIGINT NOT NULL,
    "head_hash" TEXT NOT NULL,
    "merkle_root" TEXT NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "key_id" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "signed_by_id" UUID,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "event_seals_company_id_event_id_key" ON "event_seals"("company_id", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "event_seals_company_id_prev_hash_key" ON "event_seals"("company_id", "prev_hash");

-- CreateIndex
CREATE INDEX "audit_checkpoints_company_id_sequence_idx" ON "audit_checkpoints"("company_id", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "audit_checkpoints_company_id_id_key" ON "audit_checkpoints"("company_id", "id");

-- CreateIndex
CREATE INDEX "events_company_id_tx_id_idx" ON "events"("company_id", "tx_id");

-- Hand-written (docs/decisions/016-audit-hash-chain.md, 017-signed-checkpoints.md).
-- A seal names an event of its own company, once (unique above); hashes are lowercase hex
-- SHA-256. That seq n links to seq n - 1 is not a constraint: the offline verifier checks it,
-- because a guard in the database cannot defend against whoever can disable it.
ALTER TABLE event_seals
  ADD CONSTRAINT event_seals_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT event_seals_seq_positive CHECK (seq >= 1),
  ADD CONSTRAINT event_seals_hash_hex CHECK (hash ~ '^[0-9a-f]{64}$' AND prev_hash ~ '^[0-9a-f]{64}$');

ALTER TABLE audit_checkpoints
  ADD CONSTRAINT audit_checkpoints_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT audit_checkpoints_signed_by_fk FOREIGN KEY (company_id, signed_by_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT audit_checkpoints_sequence_positive CHECK (sequence >= 1);

-- Seals are a log: insert and read only, never changed (ENABLE ALWAYS guards, forced RLS).
SELECT app_guard_table('event_seals', 'log');
SELECT app_guard_table('audit_checkpoints', 'entity');
