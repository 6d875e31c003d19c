import type { Db } from '@aegira/db';
import { JOB_QUEUES } from '@aegira/db/server';
import type PgBoss from 'pg-boss';
import { z } from 'zod';
import type { Logger } from '../http/logger.ts';
import { runVerifyJob } from '../services/audit-chain/verify-runs.ts';
import { errorMessage } from './error-message.ts';

const verifyJobData = z.strictObject({ companyId: z.uuid(), runId: z.uuid() });

/**
 * The worker of the on-demand `verify-audit-log` queue (an admin starts a run; it is not in
 * the fan-out). Its job_runs row exists already: the procedure wrote it when it queued the job.
 */
export async function workVerifyAuditLog(
  boss: Pick<PgBoss, 'work'>,
  deps: { db: Db; logger: Logger },
): Promise<void> {
  await boss.work(JOB_QUEUES.verifyAuditLog, async (jobs) => {
    for (const job of jobs) {
      const data = verifyJobData.parse(job.data);
      const fields = { job: JOB_QUEUES.verifyAuditLog, ...data, queueJobId: job.id };
      deps.logger.info('Job started', fields);
      try {
        const run = await runVerifyJob(deps.db, data);
        deps.logger.info('Job finished', { ...fields, state: run.state, checked: run.checked });
      } catch (error) {
        deps.logger.error('Job failed', { ...fields, error: errorMessage(error) });
        throw error;
      }
    }
  });
}
