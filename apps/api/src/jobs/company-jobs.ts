import type { Db } from '@aegira/db';
import { JOB_QUEUES } from '@aegira/db/server';
import { detectMissedCheckIns } from '../services/missed-check-ins/detect-missed-check-ins.ts';
import { applyDueTransfers } from '../services/teams/due-transfers.ts';
import type { RunCounts } from './record-run.ts';

/** A job the fan-out sends to every company; its queue name is also its name in job_runs. */
export interface CompanyJob {
  queue: string;
  run(db: Db, companyId: string, now: Date): Promise<RunCounts>;
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
];
