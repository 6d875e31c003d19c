-- CreateEnum
CREATE TYPE "CountermeasureType" AS ENUM ('LIGHTER_TASK', 'EXTRA_BREAKS', 'BUDDY_SYSTEM', 'SENT_HOME', 'MONITORED', 'OTHER');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EventType" ADD VALUE 'PERSON_PASSWORD_RESET';
ALTER TYPE "EventType" ADD VALUE 'READINESS_ALERT_RAISED';
ALTER TYPE "EventType" ADD VALUE 'COUNTERMEASURE_RECORDED';
ALTER TYPE "EventType" ADD VALUE 'READINESS_ALERT_ESCALATED';

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'PERSON_PASSWORD_RESET';

-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
-- Existing versions predate forced changes: false, then no default (the writer copies every column).
ALTER TABLE "person_versions" ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "person_versions" ALTER COLUMN "must_change_password" DROP DEFAULT;

-- CreateTable
CREATE TABLE "readiness_alerts" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "check_in_id" UUID NOT NULL,
    "local_date" DATE NOT NULL,
    "readiness_score" INTEGER NOT NULL,
    "readiness_level" "ReadinessLevel" NOT NULL,
    "pain_level" INTEGER NOT NULL,
    "lead_id" UUID,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,
    "first_countermeasure_at" TIMESTAMPTZ(3),
    "countermeasure_count" INTEGER NOT NULL DEFAULT 0,
    "escalated_at" TIMESTAMPTZ(3),
    "escalated_to_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "readiness_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "countermeasures" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "type" "CountermeasureType" NOT NULL,
    "note" TEXT NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "countermeasures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "recipient_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "group_key" TEXT NOT NULL,
    "event_id" UUID,
    "event_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "readiness_alerts_company_id_team_id_local_date_idx" ON "readiness_alerts"("company_id", "team_id", "local_date");

-- CreateIndex
CREATE INDEX "readiness_alerts_company_id_person_id_local_date_idx" ON "readiness_alerts"("company_id", "person_id", "local_date");

-- CreateIndex
CREATE UNIQUE INDEX "readiness_alerts_company_id_id_key" ON "readiness_alerts"("company_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "readiness_alerts_company_id_check_in_id_key" ON "readiness_alerts"("company_id", "check_in_id");

-- CreateIndex
CREATE INDEX "countermeasures_company_id_alert_id_idx" ON "countermeasures"("company_id", "alert_id");

-- CreateIndex
CREATE UNIQUE INDEX "countermeasures_company_id_id_key" ON "countermeasures"("company_id", "id");

-- CreateIndex
CREATE INDEX "notifications_company_id_recipient_id_created_at_idx" ON "notifications"("company_id", "recipient_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "notifications_company_id_recipient_id_group_key_key" ON "notifications"("company_id", "recipient_id", "group_key");

-- Hand-written (docs/decisions/010-guard-registry.md, 015-notifications-and-live-updates.md).

-- 1. Alerts and countermeasures: entity tables, referencing rows of their own company.
ALTER TABLE readiness_alerts
  ADD CONSTRAINT readiness_alerts_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT readiness_alerts_person_fk FOREIGN KEY (company_id, person_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT readiness_alerts_team_fk FOREIGN KEY (company_id, team_id) REFERENCES teams (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT readiness_alerts_check_in_fk FOREIGN KEY (company_id, check_in_id) REFERENCES check_ins (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT readiness_alerts_lead_fk FOREIGN KEY (company_id, lead_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT readiness_alerts_pain_range CHECK (pain_level BETWEEN 0 AND 10),
  ADD CONSTRAINT readiness_alerts_count_nonnegative CHECK (countermeasure_count >= 0);
CREATE INDEX readiness_alerts_open_idx ON readiness_alerts (company_id, raised_at)
  WHERE first_countermeasure_at IS NULL AND escalated_at IS NULL;

ALTER TABLE countermeasures
  ADD CONSTRAINT countermeasures_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id),
  ADD CONSTRAINT countermeasures_alert_fk FOREIGN KEY (company_id, alert_id) REFERENCES readiness_alerts (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT countermeasures_person_fk FOREIGN KEY (company_id, person_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT countermeasures_recorded_by_fk FOREIGN KEY (company_id, recorded_by_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT countermeasures_note_length CHECK (char_length(note) BETWEEN 1 AND 500);

-- 2. Notifications: operational, derived from events (the causing event must exist).
ALTER TABLE notifications
  ADD CONSTRAINT notifications_company_fk FOREIGN KEY (company_id) REFERENCES companies (id),
  ADD CONSTRAINT notifications_recipient_fk FOREIGN KEY (company_id, recipient_id) REFERENCES persons (company_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT notifications_event_fk FOREIGN KEY (company_id, event_id) REFERENCES events (company_id, id);
CREATE INDEX notifications_unread_idx ON notifications (company_id, recipient_id)
  WHERE read_at IS NULL AND archived_at IS NULL;
CREATE INDEX notifications_read_at_idx ON notifications (company_id, read_at) WHERE read_at IS NOT NULL;

-- 3. Guards, through the one helper.
SELECT app_guard_table('readiness_alerts', 'entity');
SELECT app_guard_table('countermeasures', 'entity');
SELECT app_guard_table('notifications', 'operational', 'company_id',
  'pruned 90 days after being read; rebuilt from events by replay (read marks aside)');
