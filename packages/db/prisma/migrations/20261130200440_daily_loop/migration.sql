-- CreateEnum
CREATE TYPE "LeaveType" AS ENUM ('ANNUAL', 'SICK', 'OTHER');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EventType" ADD VALUE 'MISSED_CHECK_IN_EXCUSED';
ALTER TYPE "EventType" ADD VALUE 'LEAVE_RECORDED';
ALTER TYPE "EventType" ADD VALUE 'LEAVE_CANCELLED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'LEAVE_RECORDED';
ALTER TYPE "AuditAction" ADD VALUE 'LEAVE_CANCELLED';
ALTER TYPE "AuditAction" ADD VALUE 'MISSED_CHECK_IN_EXCUSED';

-- AlterTable
ALTER TABLE "missed_check_ins" ADD COLUMN     "excuse_reason" TEXT,
ADD COLUMN     "excused_at" TIMESTAMPTZ(3),
ADD COLUMN     "excused_by_id" UUID,
ADD COLUMN     "lead_id" UUID,
ADD COLUMN     "misses_last_30_days" INTEGER,
ADD COLUMN     "streak_before" INTEGER,
ADD COLUMN     "window_end" TEXT,
ADD COLUMN     "window_start" TEXT;

-- CreateTable
CREATE TABLE "leaves" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "type" "LeaveType" NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "note" TEXT,
    "recorded_by_id" UUID NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancelled_by_id" UUID,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "leaves_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_versions" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "token_version" INTEGER NOT NULL,
    "team_id" UUID,
    "team_assigned_on" DATE,
    "phone" TEXT,
    "window_start" TEXT,
    "window_end" TEXT,
    "work_days" INTEGER[],
    "is_active" BOOLEAN NOT NULL,
    "deactivated_at" TIMESTAMPTZ(3),
    "deactivated_by_id" UUID,
    "deactivation_reason" TEXT,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "person_versions_pkey" PRIMARY KEY ("id","updated_at")
);

-- CreateTable
CREATE TABLE "team_versions" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "leader_id" UUID NOT NULL,
    "supervisor_id" UUID,
    "window_start" TEXT NOT NULL,
    "window_end" TEXT NOT NULL,
    "work_days" INTEGER[],
    "is_active" BOOLEAN NOT NULL,
    "deactivated_at" TIMESTAMPTZ(3),
    "deactivated_by_id" UUID,
    "deactivation_reason" TEXT,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "team_versions_pkey" PRIMARY KEY ("id","updated_at")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "job" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "outcome" TEXT NOT NULL DEFAULT 'running',
    "counts" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "leaves_company_id_person_id_start_date_idx" ON "leaves"("company_id", "person_id", "start_date");

-- CreateIndex
CREATE UNIQUE INDEX "leaves_company_id_id_key" ON "leaves"("company_id", "id");

-- CreateIndex
CREATE INDEX "person_versions_company_id_updated_at_idx" ON "person_versions"("company_id", "updated_at");

-- CreateIndex
CREATE INDEX "team_versions_company_id_updated_at_idx" ON "team_versions"("company_id", "updated_at");

-- CreateIndex
CREATE INDEX "job_runs_company_id_started_at_idx" ON "job_runs"("company_id", "started_at");

-- Hand-written (docs/decisions/012-validity-periods.md, 010-guard-registry.md).

-- 1. Versions of persons and teams: the state of each row from its updated_at
--    until the next version's. They hold exactly the columns of their entity
--    table (a guard test compares them), because the projection writer copies
--    rows across by column name. Today's rows become the first versions.
INSERT INTO person_versions SELECT * FROM jsonb_populate_recordset(NULL::person_versions,
  (SELECT coalesce(jsonb_agg(to_jsonb(p)), '[]'::jsonb) FROM persons p));
INSERT INTO team_versions SELECT * FROM jsonb_populate_recordset(NULL::team_versions,
  (SELECT coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) FROM teams t));

-- "State at an instant" reads the latest version at or before it.
CREATE INDEX person_versions_company_id_id_updated_at_idx
  ON person_versions (company_id, id, updated_at DESC);
CREATE INDEX team_versions_company_id_id_updated_at_idx
  ON team_versions (company_id, id, updated_at DESC);

ALTER TABLE person_versions
  ADD CONSTRAINT person_versions_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id);
ALTER TABLE team_versions
  ADD CONSTRAINT team_versions_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id);

-- 2. Leave and excused misses reference people of the same company.
ALTER TABLE leaves
  ADD CONSTRAINT leaves_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT leaves_person_fk FOREIGN KEY (company_id, person_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT leaves_recorded_by_fk FOREIGN KEY (company_id, recorded_by_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT leaves_cancelled_by_fk FOREIGN KEY (company_id, cancelled_by_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT leaves_dates_order CHECK (end_date >= start_date),
  ADD CONSTRAINT leaves_note_length CHECK (note IS NULL OR char_length(note) <= 500);
CREATE INDEX leaves_company_id_start_end_idx ON leaves (company_id, start_date, end_date);

ALTER TABLE missed_check_ins
  ADD CONSTRAINT missed_check_ins_excused_by_fk FOREIGN KEY (company_id, excused_by_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT missed_check_ins_lead_fk FOREIGN KEY (company_id, lead_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT missed_check_ins_one_outcome CHECK (resolved_at IS NULL OR excused_at IS NULL);
CREATE INDEX missed_check_ins_company_id_local_date_idx ON missed_check_ins (company_id, local_date);

ALTER TABLE job_runs
  ADD CONSTRAINT job_runs_company_fk FOREIGN KEY (company_id) REFERENCES companies (id);

-- 3. Guards, through the one helper.
SELECT app_guard_table('leaves', 'entity');
SELECT app_guard_table('person_versions', 'history');
SELECT app_guard_table('team_versions', 'history');
SELECT app_guard_table('job_runs', 'operational', 'company_id', 'pruned after 90 days');

-- 4. State at an instant (SECURITY INVOKER: row-level security applies).
CREATE FUNCTION app_persons_at(p_at timestamptz) RETURNS SETOF person_versions
  LANGUAGE sql STABLE SECURITY INVOKER
  AS $$
    SELECT DISTINCT ON (v.id) v.*
    FROM public.person_versions v
    WHERE v.company_id = app_current_company_id() AND v.updated_at <= p_at
    ORDER BY v.id, v.updated_at DESC
  $$;

CREATE FUNCTION app_teams_at(p_at timestamptz) RETURNS SETOF team_versions
  LANGUAGE sql STABLE SECURITY INVOKER
  AS $$
    SELECT DISTINCT ON (v.id) v.*
    FROM public.team_versions v
    WHERE v.company_id = app_current_company_id() AND v.updated_at <= p_at
    ORDER BY v.id, v.updated_at DESC
  $$;

CREATE FUNCTION app_person_at(p_person uuid, p_at timestamptz) RETURNS SETOF person_versions
  LANGUAGE sql STABLE SECURITY INVOKER
  AS $$
    SELECT v.* FROM public.person_versions v
    WHERE v.company_id = app_current_company_id() AND v.id = p_person AND v.updated_at <= p_at
    ORDER BY v.updated_at DESC LIMIT 1
  $$;

CREATE FUNCTION app_team_at(p_team uuid, p_at timestamptz) RETURNS SETOF team_versions
  LANGUAGE sql STABLE SECURITY INVOKER
  AS $$
    SELECT v.* FROM public.team_versions v
    WHERE v.company_id = app_current_company_id() AND v.id = p_team AND v.updated_at <= p_at
    ORDER BY v.updated_at DESC LIMIT 1
  $$;

-- 5. The scheduler's one question asked without a company bound: which
--    companies exist, and in which time zone. Nothing else crosses tenants.
CREATE FUNCTION app_list_companies()
  RETURNS TABLE (company_id uuid, timezone text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT c.id, c.timezone FROM companies c WHERE c.is_active ORDER BY c.id $$;

REVOKE ALL ON FUNCTION app_persons_at(timestamptz), app_teams_at(timestamptz),
  app_person_at(uuid, timestamptz), app_team_at(uuid, timestamptz), app_list_companies() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_persons_at(timestamptz), app_teams_at(timestamptz),
  app_person_at(uuid, timestamptz), app_team_at(uuid, timestamptz), app_list_companies() TO aegira_app;
