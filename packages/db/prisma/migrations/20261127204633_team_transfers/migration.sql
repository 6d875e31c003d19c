-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('PENDING', 'COMPLETED', 'CANCELLED');

-- CreateTable
CREATE TABLE "team_transfers" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "from_team_id" UUID NOT NULL,
    "to_team_id" UUID NOT NULL,
    "effective_on" DATE NOT NULL,
    "status" "TransferStatus" NOT NULL DEFAULT 'PENDING',
    "resolved_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "team_transfers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "team_transfers_company_id_person_id_idx" ON "team_transfers"("company_id", "person_id");

-- CreateIndex
CREATE INDEX "team_transfers_company_id_to_team_id_status_idx" ON "team_transfers"("company_id", "to_team_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "team_transfers_company_id_id_key" ON "team_transfers"("company_id", "id");

-- Hand-written: the guards of 20261127204118_security, applied to team_transfers
-- (docs/decisions/002-database-guards.md, 005-team-transfers.md).

-- The application role reads, records and resolves transfers; it never deletes one.
GRANT SELECT, INSERT, UPDATE ON team_transfers TO aegira_app;

ALTER TABLE team_transfers ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON team_transfers
  USING (company_id = app_current_company_id())
  WITH CHECK (company_id = app_current_company_id());

CREATE TRIGGER team_transfers_no_delete BEFORE DELETE ON team_transfers
  FOR EACH ROW EXECUTE FUNCTION app_refuse_change();
CREATE TRIGGER team_transfers_no_truncate BEFORE TRUNCATE ON team_transfers
  FOR EACH STATEMENT EXECUTE FUNCTION app_refuse_change();

-- Every reference stays inside the company.
ALTER TABLE team_transfers
  ADD CONSTRAINT team_transfers_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT team_transfers_person_fk FOREIGN KEY (company_id, person_id) REFERENCES persons (company_id, id),
  ADD CONSTRAINT team_transfers_from_team_fk FOREIGN KEY (company_id, from_team_id) REFERENCES teams (company_id, id),
  ADD CONSTRAINT team_transfers_to_team_fk FOREIGN KEY (company_id, to_team_id) REFERENCES teams (company_id, id),
  ADD CONSTRAINT team_transfers_other_team CHECK (from_team_id <> to_team_id),
  ADD CONSTRAINT team_transfers_resolution CHECK (
    (status = 'PENDING' AND resolved_at IS NULL AND cancel_reason IS NULL)
    OR (status = 'COMPLETED' AND resolved_at IS NOT NULL AND cancel_reason IS NULL)
    OR (status = 'CANCELLED' AND resolved_at IS NOT NULL AND cancel_reason IS NOT NULL)
  );

-- One pending transfer per person: two admins moving the same worker at once
-- cannot both succeed.
CREATE UNIQUE INDEX team_transfers_pending_person_key ON team_transfers (company_id, person_id)
  WHERE status = 'PENDING';
-- What the lazy application asks on every read that depends on a team: "anything due?"
CREATE INDEX team_transfers_pending_due_idx ON team_transfers (company_id, effective_on)
  WHERE status = 'PENDING';
