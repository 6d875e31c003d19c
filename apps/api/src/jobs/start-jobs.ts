import type { Db } from '@aegira/db';
import { JOB_QUEUE_SCHEMA, JOB_QUEUES } from '@aegira/db/server';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import type { Logger } from '../http/logger.ts';
import { recordJobRun } from '../http/metrics.ts';
import { COMPANY_JOBS, type CompanyJob } from './company-jobs.ts';
import { errorMessage } from './error-message.ts';
import { type CompanyJobData, fanOutCompanyJobs } from './fan-out.ts';
import { recordRun } from './record-run.ts';
import { scheduleFanOut } from './schedule.ts';
import { workVerifyAuditLog } from './verify-audit-log-worker.ts';

export interface StartJobsOptions {
  db: Db;
  /** The application role's connection (pg-boss keeps its own small pool on it). */
  databaseUrl: string;
  logger: Logger;
  /** The clock the jobs judge by: the real one, or a test's fixed instant. */
  now: () => Date;
  /**
   * A run still active after this long is presumed lost (its instance died): pg-boss fails it
   * and retries it on another instance.
   */
  runTimeoutSeconds: number;
}

export interface RunningJobs {
  /** Stops taking jobs and waits for the running ones (at most STOP_TIMEOUT_MS). */
  stop(): Promise<void>;
}

/** Leaves room for the HTTP server and the database pool to close within 10 s of a signal. */
const STOP_TIMEOUT_MS = 7_000;

const companyJobData = z.strictObject({ companyId: z.uuid() });

/**
 * Starts this instance's share of the scheduled work on pg-boss (decision 013): workers for the
 * fan-out and the per-company jobs, the cron entry and one fan-out now. Any number of
 * instances may do this on one database; each job runs on one of them.
 */
export async function startJobs(options: StartJobsOptions): Promise<RunningJobs> {
  const { db, logger } = options;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: JOB_QUEUE_SCHEMA,
    application_name: 'aegira-jobs',
    max: 4,
    // The owner installs and upgrades the schema (packages/db's prepareDatabase); this role
    // could not, and pg-boss only checks that it is there at the version it expects.
    migrate: false,
    expireInSeconds: options.runTimeoutSeconds,
    // Maintenance is what notices an expired run; check often enough for the timeout.
    maintenanceIntervalSeconds: Math.min(
      120,
      Math.max(1, Math.floor(options.runTimeoutSeconds / 2)),
    ),
  });
  // An EventEmitter without an 'error' listener would crash the process on a dropped connection.
  boss.on('error', (error: unknown) => {
    logger.error('Job queue error', { error: errorMessage(error) });
  });
  await boss.start();
  try {
    await boss.work(JOB_QUEUES.fanOut, async (jobs) => {
      for (const _job of jobs) {
        const { companies } = await fanOutCompanyJobs(db, boss, COMPANY_JOBS);
        logger.info('Jobs sent to every company', { job: JOB_QUEUES.fanOut, companies });
      }
    });
    for (const job of COMPANY_JOBS) {
      await boss.work<CompanyJobData>(job.queue, (jobs) => runCompanyJobs(options, job, jobs));
    }
    await workVerifyAuditLog(boss, { db, logger });
    await scheduleFanOut(boss, JOB_QUEUES.fanOut);
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  return {
    stop: () => boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS, wait: true }),
  };
}

async function runCompanyJobs(
  options: StartJobsOptions,
  job: CompanyJob,
  jobs: PgBoss.Job<CompanyJobData>[],
): Promise<void> {
  const { db, logger } = options;
  for (const queued of jobs) {
    const { companyId } = companyJobData.parse(queued.data);
    const fields = { job: job.queue, companyId, queueJobId: queued.id };
    const started = performance.now();
    try {
      const counts = await recordRun(
        db,
        { companyId, job: job.queue, abandonAfterSeconds: options.runTimeoutSeconds },
        (runId) => {
          // Logged once its job_runs row exists, so the log and the table tell the same story.
          logger.info('Job started', { ...fields, runId });
          return job.run(db, companyId, options.now());
        },
      );
      logger.info('Job finished', { ...fields, ...counts });
      recordJobRun(job.queue, 'succeeded', (performance.now() - started) / 1000);
    } catch (error) {
      logger.error('Job failed', { ...fields, error: errorMessage(error) });
      recordJobRun(job.queue, 'failed', (performance.now() - started) / 1000);
      throw error;
    }
  }
}
