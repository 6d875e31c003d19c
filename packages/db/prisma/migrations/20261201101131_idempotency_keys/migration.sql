-- CreateTable
CREATE TABLE "idempotency_keys" (
    "company_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("company_id","key")
);

-- CreateIndex
CREATE INDEX "idempotency_keys_company_id_created_at_idx" ON "idempotency_keys"("company_id", "created_at");

-- Hand-written (issue 11; docs/decisions/035-versions-and-idempotency.md).
-- A key is what the client chose: printable, bounded, so it cannot bloat the index.
ALTER TABLE idempotency_keys
  ADD CONSTRAINT idempotency_keys_key_check CHECK (length(key) BETWEEN 1 AND 255);
SELECT app_guard_table('idempotency_keys', 'operational', 'company_id', 'pruned after 24 hours');
