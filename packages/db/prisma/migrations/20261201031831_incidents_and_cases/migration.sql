-- CreateEnum
CREATE TYPE "IncidentType" AS ENUM ('INJURY', 'ILLNESS', 'NEAR_MISS', 'HAZARD', 'PROPERTY_DAMAGE', 'MENTAL_HEALTH', 'OTHER');

-- CreateEnum
CREATE TYPE "IncidentSeverity" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "IncidentRejectionReason" AS ENUM ('DUPLICATE', 'NOT_WORK_RELATED', 'INSUFFICIENT_INFORMATION', 'NOT_AN_INCIDENT', 'OTHER');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'INVESTIGATING', 'RESOLVED', 'CLOSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EventType" ADD VALUE 'INCIDENT_APPROVED';
ALTER TYPE "EventType" ADD VALUE 'INCIDENT_REJECTED';
ALTER TYPE "EventType" ADD VALUE 'CASE_REASSIGNED';

-- CreateTable
CREATE TABLE "incidents" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "reporter_id" UUID NOT NULL,
    "team_id" UUID,
    "type" "IncidentType" NOT NULL,
    "severity" "IncidentSeverity" NOT NULL,
    "title" TEXT NOT NULL,
    "location" TEXT,
    "description" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "reported_at" TIMESTAMPTZ(3) NOT NULL,
    "people_involved_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "status" "IncidentStatus" NOT NULL,
    "reviewed_by_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "rejection_reason" "IncidentRejectionReason",
    "rejection_explanation" TEXT,
    "case_id" UUID,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "incident_id" UUID NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "assignee_id" UUID NOT NULL,
    "opened_by_id" UUID NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "resolution_summary" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_notes" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_sequences" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "last_incident_number" INTEGER NOT NULL DEFAULT 0,
    "last_case_number" INTEGER NOT NULL DEFAULT 0,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "record_sequences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "incidents_company_id_status_reported_at_idx" ON "incidents"("company_id", "status", "reported_at");

-- CreateIndex
CREATE INDEX "incidents_company_id_reporter_id_reported_at_idx" ON "incidents"("company_id", "reporter_id", "reported_at");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_company_id_id_key" ON "incidents"("company_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_company_id_number_key" ON "incidents"("company_id", "number");

-- CreateIndex
CREATE INDEX "cases_company_id_status_idx" ON "cases"("company_id", "status");

-- CreateIndex
CREATE INDEX "cases_company_id_assignee_id_status_idx" ON "cases"("company_id", "assignee_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "cases_company_id_id_key" ON "cases"("company_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "cases_company_id_number_key" ON "cases"("company_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "cases_company_id_incident_id_key" ON "cases"("company_id", "incident_id");

-- CreateIndex
CREATE INDEX "case_notes_company_id_case_id_added_at_idx" ON "case_notes"("company_id", "case_id", "added_at");

-- CreateIndex
CREATE UNIQUE INDEX "case_notes_company_id_id_key" ON "case_notes"("company_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "record_sequences_company_id_id_key" ON "record_sequences"("company_id", "id");

-- Hand-written (docs/decisions/010-guard-registry.md, 024-incidents-and-cases.md).

-- 1. Entity tables, referencing rows of their own company.
ALTER TABLE incidents
  ADD CONSTRAINT incidents_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT incidents_reporter_fk FOREIGN KEY (company_id, reporter_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT incidents_team_fk FOREIGN KEY (company_id, team_id) REFERENCES teams (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT incidents_reviewed_by_fk FOREIGN KEY (company_id, reviewed_by_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT incidents_case_fk FOREIGN KEY (company_id, case_id) REFERENCES cases (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT incidents_number_positive CHECK (number > 0),
  ADD CONSTRAINT incidents_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
  ADD CONSTRAINT incidents_location_length CHECK (location IS NULL OR char_length(location) <= 200),
  ADD CONSTRAINT incidents_description_length CHECK (char_length(description) BETWEEN 1 AND 2000),
  ADD CONSTRAINT incidents_review_complete CHECK (
    (status = 'PENDING' AND reviewed_by_id IS NULL AND reviewed_at IS NULL)
    OR (status = 'APPROVED' AND reviewed_by_id IS NOT NULL AND case_id IS NOT NULL)
    OR (status = 'REJECTED' AND reviewed_by_id IS NOT NULL AND rejection_reason IS NOT NULL
        AND char_length(rejection_explanation) BETWEEN 1 AND 500));

ALTER TABLE cases
  ADD CONSTRAINT cases_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT cases_incident_fk FOREIGN KEY (company_id, incident_id) REFERENCES incidents (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT cases_assignee_fk FOREIGN KEY (company_id, assignee_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT cases_opened_by_fk FOREIGN KEY (company_id, opened_by_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT cases_number_positive CHECK (number > 0),
  ADD CONSTRAINT cases_resolution_summary CHECK (status NOT IN ('RESOLVED') OR resolution_summary IS NOT NULL);

ALTER TABLE case_notes
  ADD CONSTRAINT case_notes_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT case_notes_case_fk FOREIGN KEY (company_id, case_id) REFERENCES cases (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT case_notes_author_fk FOREIGN KEY (company_id, author_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT case_notes_text_length CHECK (char_length(text) BETWEEN 1 AND 2000);

-- One sequence row per company, its id the company's.
ALTER TABLE record_sequences
  ADD CONSTRAINT record_sequences_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT record_sequences_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
  ADD CONSTRAINT record_sequences_one_per_company CHECK (id = company_id),
  ADD CONSTRAINT record_sequences_nonnegative CHECK (last_incident_number >= 0 AND last_case_number >= 0);

-- 2. Guards, through the one helper.
SELECT app_guard_table('incidents', 'entity');
SELECT app_guard_table('cases', 'entity');
SELECT app_guard_table('case_notes', 'entity');
SELECT app_guard_table('record_sequences', 'entity');
