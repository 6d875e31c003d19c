-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'WHS', 'SUPERVISOR', 'TEAM_LEAD', 'WORKER');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('COMPANY_CREATED', 'COMPANY_UPDATED', 'PERSON_CREATED', 'PERSON_UPDATED', 'PERSON_ROLE_CHANGED', 'PERSON_PASSWORD_CHANGED', 'PERSON_SESSIONS_REVOKED', 'PERSON_DEACTIVATED', 'PERSON_REACTIVATED', 'TEAM_CREATED', 'TEAM_UPDATED', 'TEAM_DEACTIVATED', 'TEAM_REACTIVATED', 'TEAM_MEMBER_ASSIGNED', 'TEAM_MEMBER_UNASSIGNED', 'TEAM_TRANSFER_INITIATED', 'TEAM_TRANSFER_COMPLETED', 'TEAM_TRANSFER_CANCELLED', 'CHECK_IN_SUBMITTED', 'CHECK_IN_UPDATED', 'MISSED_CHECK_IN_DETECTED', 'MISSED_CHECK_IN_RESOLVED', 'HOLIDAY_CREATED', 'HOLIDAY_UPDATED', 'HOLIDAY_DEACTIVATED', 'INCIDENT_REPORTED', 'INCIDENT_UPDATED', 'CASE_OPENED', 'CASE_STATUS_CHANGED', 'CASE_NOTE_ADDED');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('COMPANY_CREATED', 'COMPANY_SETTINGS_UPDATED', 'PERSON_CREATED', 'PERSON_UPDATED', 'PERSON_ROLE_CHANGED', 'PERSON_DEACTIVATED', 'PERSON_REACTIVATED', 'TEAM_CREATED', 'TEAM_UPDATED', 'TEAM_DEACTIVATED', 'TEAM_REACTIVATED', 'TEAM_MEMBER_ASSIGNED', 'TEAM_TRANSFER_INITIATED', 'TEAM_TRANSFER_CANCELLED', 'HOLIDAY_CREATED', 'HOLIDAY_UPDATED', 'HOLIDAY_DEACTIVATED');

-- CreateEnum
CREATE TYPE "ReadinessLevel" AS ENUM ('GREEN', 'YELLOW', 'RED');

-- CreateTable
CREATE TABLE "companies" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "companies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "position" BIGSERIAL NOT NULL,
    "tx_id" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
    "actor_id" UUID,
    "type" "EventType" NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "schema_version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "actor_id" UUID,
    "action" "AuditAction" NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "details" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persons" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "token_version" INTEGER NOT NULL DEFAULT 0,
    "team_id" UUID,
    "team_assigned_on" DATE,
    "phone" TEXT,
    "window_start" TEXT,
    "window_end" TEXT,
    "work_days" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deactivated_at" TIMESTAMPTZ(3),
    "deactivated_by_id" UUID,
    "deactivation_reason" TEXT,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teams" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "leader_id" UUID NOT NULL,
    "supervisor_id" UUID,
    "window_start" TEXT NOT NULL DEFAULT '06:00',
    "window_end" TEXT NOT NULL DEFAULT '10:00',
    "work_days" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "deactivated_at" TIMESTAMPTZ(3),
    "deactivated_by_id" UUID,
    "deactivation_reason" TEXT,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holidays" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "recurring" BOOLEAN NOT NULL DEFAULT false,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "holidays_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "check_ins" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "local_date" DATE NOT NULL,
    "hours_slept" DECIMAL(3,1) NOT NULL,
    "sleep_quality" INTEGER NOT NULL,
    "stress_level" INTEGER NOT NULL,
    "physical_condition" INTEGER NOT NULL,
    "pain_level" INTEGER NOT NULL,
    "pain_location" TEXT,
    "notes" TEXT,
    "hours_score" DECIMAL(4,1) NOT NULL,
    "sleep_score" DECIMAL(4,1) NOT NULL,
    "stress_score" DECIMAL(4,1) NOT NULL,
    "physical_score" DECIMAL(4,1) NOT NULL,
    "pain_score" DECIMAL(4,1) NOT NULL,
    "readiness_score" INTEGER NOT NULL,
    "readiness_level" "ReadinessLevel" NOT NULL,
    "formula_version" INTEGER NOT NULL,
    "is_late" BOOLEAN NOT NULL,
    "minutes_late" INTEGER NOT NULL DEFAULT 0,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "amended_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "check_ins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "missed_check_ins" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "local_date" DATE NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_check_in_id" UUID,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "missed_check_ins_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "companies_slug_key" ON "companies"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "events_position_key" ON "events"("position");

-- CreateIndex
CREATE INDEX "events_company_id_entity_type_entity_id_position_idx" ON "events"("company_id", "entity_type", "entity_id", "position");

-- CreateIndex
CREATE INDEX "events_company_id_position_idx" ON "events"("company_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "events_company_id_id_key" ON "events"("company_id", "id");

-- CreateIndex
CREATE INDEX "audit_logs_company_id_created_at_idx" ON "audit_logs"("company_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_logs_company_id_action_created_at_idx" ON "audit_logs"("company_id", "action", "created_at");

-- CreateIndex
CREATE INDEX "audit_logs_company_id_entity_type_entity_id_idx" ON "audit_logs"("company_id", "entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_logs_company_id_actor_id_created_at_idx" ON "audit_logs"("company_id", "actor_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "persons_email_key" ON "persons"("email");

-- CreateIndex
CREATE INDEX "persons_company_id_role_idx" ON "persons"("company_id", "role");

-- CreateIndex
CREATE INDEX "persons_company_id_team_id_idx" ON "persons"("company_id", "team_id");

-- CreateIndex
CREATE INDEX "persons_company_id_last_name_first_name_idx" ON "persons"("company_id", "last_name", "first_name");

-- CreateIndex
CREATE UNIQUE INDEX "persons_company_id_id_key" ON "persons"("company_id", "id");

-- CreateIndex
CREATE INDEX "teams_company_id_is_active_idx" ON "teams"("company_id", "is_active");

-- CreateIndex
CREATE INDEX "teams_company_id_leader_id_idx" ON "teams"("company_id", "leader_id");

-- CreateIndex
CREATE INDEX "teams_company_id_supervisor_id_idx" ON "teams"("company_id", "supervisor_id");

-- CreateIndex
CREATE UNIQUE INDEX "teams_company_id_id_key" ON "teams"("company_id", "id");

-- CreateIndex
CREATE INDEX "holidays_company_id_date_idx" ON "holidays"("company_id", "date");

-- CreateIndex
CREATE INDEX "check_ins_company_id_local_date_idx" ON "check_ins"("company_id", "local_date");

-- CreateIndex
CREATE INDEX "check_ins_company_id_team_id_local_date_idx" ON "check_ins"("company_id", "team_id", "local_date");

-- CreateIndex
CREATE UNIQUE INDEX "check_ins_company_id_id_key" ON "check_ins"("company_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "check_ins_company_id_person_id_local_date_key" ON "check_ins"("company_id", "person_id", "local_date");

-- CreateIndex
CREATE INDEX "missed_check_ins_company_id_team_id_local_date_idx" ON "missed_check_ins"("company_id", "team_id", "local_date");

-- CreateIndex
CREATE UNIQUE INDEX "missed_check_ins_company_id_person_id_local_date_key" ON "missed_check_ins"("company_id", "person_id", "local_date");
