import { type Db, withTenant } from '@aegira/db';
import { COMPANY_JOBS } from '../../apps/api/src/jobs/company-jobs.ts';

/** The database's clock (job_runs are dated by it, and it may be another machine's). */
export async function databaseNow(db: Db, companyId: string): Promise<Date> {
  const [row] = await withTenant(
    db,
    companyId,
    (read) => read.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`,
  );
  if (!row) throw new Error('The database did not say its time.');
  return row.now;
}

/**
 * Waits until every per-company job has finished a run for `companyId` that started at or
 * after `since`. A product that just started sends each company one round of jobs at once
 * (schedule.ts); for a company of 5,000 workers that round reads its whole roster and
 * history. P2 measures reads on a running product, not beside that one-off round, which
 * otherwise lands on whichever read happens to run first.
 */
export async function firstJobRound(
  db: Db,
  companyId: string,
  since: Date,
  timeoutMs = 300_000,
): Promise<number> {
  const queues = COMPANY_JOBS.map((job) => job.queue);
  const started = performance.now();
  for (;;) {
    const rows = await withTenant(
      db,
      companyId,
      (read) => read.$queryRaw<Array<{ job: string }>>`
        SELECT DISTINCT job FROM job_runs
        WHERE company_id = ${companyId}::uuid AND started_at >= ${since}
          AND outcome <> 'running'`,
    );
    const done = new Set(rows.map((row) => row.job));
    const waiting = queues.filter((queue) => !done.has(queue));
    const seconds = Math.round((performance.now() - started) / 1000);
    if (waiting.length === 0) return seconds;
    if (performance.now() - started > timeoutMs) {
      throw new Error(
        `The product's first job round did not finish in ${seconds} s: ${waiting.join(', ')}`,
      );
    }
    process.stdout.write(
      `\r  waiting for the first job round (${seconds} s): ${waiting.join(', ')}   `,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
