-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('READ_ONLY', 'WHS', 'ADMIN');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EventType" ADD VALUE 'API_TOKEN_CREATED';
ALTER TYPE "EventType" ADD VALUE 'API_TOKEN_REVOKED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'API_TOKEN_CREATED';
ALTER TYPE "AuditAction" ADD VALUE 'API_TOKEN_REVOKED';

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "actor_token_id" UUID;

-- AlterTable
ALTER TABLE "audit_logs" ADD COLUMN     "actor_token_id" UUID;

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scope" "ApiTokenScope" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" UUID,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "api_tokens_company_id_created_at_idx" ON "api_tokens"("company_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_company_id_id_key" ON "api_tokens"("company_id", "id");

-- Hand-written: the guards of 20261127204118_security, applied to api_tokens
-- (docs/decisions/002-database-guards.md, 008-api-tokens.md).

GRANT SELECT, INSERT, UPDATE ON api_tokens TO aegira_app;

ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_tokens
  USING (company_id = app_current_company_id())
  WITH CHECK (company_id = app_current_company_id());

CREATE TRIGGER api_tokens_no_delete BEFORE DELETE ON api_tokens
  FOR EACH ROW EXECUTE FUNCTION app_refuse_change();
CREATE TRIGGER api_tokens_no_truncate BEFORE TRUNCATE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION app_refuse_change();

ALTER TABLE api_tokens
  ADD CONSTRAINT api_tokens_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT api_tokens_created_by_fk FOREIGN KEY (company_id, created_by_id) REFERENCES persons (company_id, id),
  ADD CONSTRAINT api_tokens_revoked_by_fk FOREIGN KEY (company_id, revoked_by_id) REFERENCES persons (company_id, id),
  ADD CONSTRAINT api_tokens_revocation CHECK ((revoked_at IS NULL) = (revoked_by_id IS NULL));

-- A change made through a token names that token, which belongs to the same company.
ALTER TABLE events
  ADD CONSTRAINT events_actor_token_fk FOREIGN KEY (company_id, actor_token_id) REFERENCES api_tokens (company_id, id)
    DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE audit_logs
  ADD CONSTRAINT audit_logs_actor_token_fk FOREIGN KEY (company_id, actor_token_id) REFERENCES api_tokens (company_id, id)
    DEFERRABLE INITIALLY DEFERRED;

-- Token authentication happens before any company is bound: this answers only
-- "which company and secret hash belong to this token id".
CREATE FUNCTION app_find_api_token(p_id uuid)
  RETURNS TABLE (
    company_id uuid,
    token_hash text,
    scope "ApiTokenScope",
    created_by_id uuid,
    expires_at timestamptz,
    revoked_at timestamptz
  )
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT t.company_id, t.token_hash, t.scope, t.created_by_id, t.expires_at, t.revoked_at
    FROM api_tokens t WHERE t.id = p_id
  $$;

REVOKE ALL ON FUNCTION app_find_api_token(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_find_api_token(uuid) TO aegira_app;
