import { randomUUID } from 'node:crypto';
import { type Db, prismaOf } from './client.ts';
import { bindCompany, TRANSACTION_OPTIONS } from './tenant.ts';

// Runs of scheduled jobs (job_runs) are operational rows outside the event log: they say when
// a job ran for a company and how it ended, not what changed (its events say that). Like
// credentials, they are written here, with the company bound, never by application code.

export type JobRunOutcome = 'succeeded' | 'failed';

export interface JobRunStart {
  companyId: string;
  job: string;
  /**
   * Runs of this job for this company still `running` after this many seconds are marked
   * failed: the instance running them stopped (the queue has retried them by then).
   */
  abandonAfterSeconds: number;
}

/** Records the start of a run (outcome `running`); returns its id. */
export async function startJobRun(db: Db, run: JobRunStart): Promise<string> {
  const id = randomUUID();
  await prismaOf(db).$transaction(async (tx) => {
    await bindCompany(tx, run.companyId);
    await tx.$executeRaw`
      UPDATE job_runs
      SET outcome = 'failed', finished_at = now(),
          error = 'Abandoned: the instance running it stopped before it finished.'
      WHERE company_id = ${run.companyId}::uuid AND job = ${run.job} AND outcome = 'running'
        AND started_at < now() - make_interval(secs => ${run.abandonAfterSeconds}::int)`;
    await tx.$executeRaw`
      INSERT INTO job_runs (id, company_id, job, started_at, outcome)
      VALUES (${id}::uuid, ${run.companyId}::uuid, ${run.job}, now(), 'running')`;
  }, TRANSACTION_OPTIONS);
  return id;
}

export interface JobRunEnd {
  companyId: string;
  runId: string;
  outcome: JobRunOutcome;
  counts: Record<string, number>;
  error: string | null;
}

/** Records how a run ended. */
export async function finishJobRun(db: Db, end: JobRunEnd): Promise<void> {
  await prismaOf(db).$transaction(async (tx) => {
    await bindCompany(tx, end.companyId);
    await tx.$executeRaw`
      UPDATE job_runs
      SET outcome = ${end.outcome}, finished_at = now(),
          counts = ${JSON.stringify(end.counts)}::jsonb, error = ${end.error}
      WHERE id = ${end.runId}::uuid`;
  }, TRANSACTION_OPTIONS);
}

/**
 * Replaces the counts of a run still in progress (a long job reports how far it got); a run
 * that has ended keeps its final counts.
 */
export async function recordJobRunProgress(
  db: Db,
  progress: { companyId: string; runId: string; counts: Record<string, number> },
): Promise<void> {
  await prismaOf(db).$transaction(async (tx) => {
    await bindCompany(tx, progress.companyId);
    await tx.$executeRaw`
      UPDATE job_runs SET counts = ${JSON.stringify(progress.counts)}::jsonb
      WHERE id = ${progress.runId}::uuid AND outcome = 'running'`;
  }, TRANSACTION_OPTIONS);
}
