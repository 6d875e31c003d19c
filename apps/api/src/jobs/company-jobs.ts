import { type Db, pruneIdempotencyKeys, pruneReadNotifications } from '@aegira/db';
import { JOB_QUEUES } from '@aegira/db/server';
import { escalateOverdueAlerts } from '../services/alerts/escalate-alerts.ts';
import { sealAuditLog, signPeriodicCheckpoint } from '../services/audit-chain/audit-chain-jobs.ts';
import { detectMissedCheckIns } from '../services/missed-check-ins/detect-missed-check-ins.ts';
import { sendCheckInReminders } from '../services/notifications/check-in-reminders.ts';
import { applyDueTransfers } from '../services/teams/due-transfers.ts';
import type { RunCounts } from './record-run.ts';

/** A job the fan-out sends to every company; its queue name is also its name in job_runs. */
export interface CompanyJob {
  queue: string;
  run(db: Db, companyId: string, now: Date): Promise<RunCounts>;
  /** How often it runs: one job per company per slot of this length (default SLOT_SECONDS). */
  slotSeconds?: number;
}

/** Every per-company job, in the order the fan-out sends them. */
export const COMPANY_JOBS: readonly CompanyJob[] = [
  {
    queue: JOB_QUEUES.completeDueTransfers,
    run: async (db, companyId, now) => ({
      completed: await applyDueTransfers(db, companyId, now),
    }),
  },
  {
    queue: JOB_QUEUES.detectMissedCheckIns,
    run: async (db, companyId, now) => {
      const { detected, daysChecked } = await detectMissedCheckIns(db, companyId, now);
      return { detected, daysChecked };
    },
  },
  {
    queue: JOB_QUEUES.escalateReadinessAlerts,
    // An alert is due 60 minutes after it was raised; checked every minute.
    slotSeconds: 60,
    run: async (db, companyId, now) => ({
      escalated: await escalateOverdueAlerts(db, companyId, now),
    }),
  },
  {
    queue: JOB_QUEUES.sendCheckInReminders,
    run: async (db, companyId, now) => ({
      reminded: await sendCheckInReminders(db, companyId, now),
    }),
  },
  {
    // Operational rows past their retention: read notifications, and idempotency keys
    // older than 24 hours (decision 035).
    queue: JOB_QUEUES.pruneNotifications,
    run: async (db, companyId, now) => ({
      pruned: await pruneReadNotifications(db, companyId, now),
      idempotencyKeysPruned: await pruneIdempotencyKeys(db, companyId, now),
    }),
  },
  {
    queue: JOB_QUEUES.sealAuditLog,
    // Seals lag commits by at most a minute; readers that need the head now seal first.
    slotSeconds: 60,
    run: async (db, companyId) => ({ sealed: await sealAuditLog(db, companyId) }),
  },
  {
    queue: JOB_QUEUES.signAuditCheckpoint,
    slotSeconds: 3600,
    run: async (db, companyId, now) => ({
      signed: await signPeriodicCheckpoint(db, companyId, now),
    }),
  },
];
