import { type Db, finishJobRun, startJobRun } from '@aegira/db';
import { errorMessage } from './error-message.ts';

/** What a run reports: named counts (detected misses, completed transfers, …). */
export type RunCounts = Record<string, number>;

export interface RunOf {
  companyId: string;
  job: string;
  /** The queue's run timeout: older `running` rows of this job are marked abandoned. */
  abandonAfterSeconds: number;
}

/**
 * Runs `work` for one company and records the run in job_runs: a `running` row first (its own
 * transaction, so a run that never ends still shows; `work` gets its id), then its outcome, counts and, when it
 * failed, the error's message (never its stack). A failure is rethrown for the queue to retry.
 */
export async function recordRun(
  db: Db,
  run: RunOf,
  work: (runId: string) => Promise<RunCounts>,
): Promise<RunCounts> {
  const runId = await startJobRun(db, run);
  let counts: RunCounts;
  try {
    counts = await work(runId);
  } catch (error) {
    await finishJobRun(db, {
      companyId: run.companyId,
      runId,
      outcome: 'failed',
      counts: {},
      error: errorMessage(error),
    }).catch(() => {
      // The run's own error is the one to report; its row stays `running` until the next run
      // of this job marks it abandoned.
    });
    throw error;
  }
  await finishJobRun(db, {
    companyId: run.companyId,
    runId,
    outcome: 'succeeded',
    counts,
    error: null,
  });
  return counts;
}
