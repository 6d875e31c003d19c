import type { ReadTx } from '@aegira/db';
import { addDays, MISS_BUFFER_MINUTES, toLocalTime } from '@aegira/domain';

/**
 * The job name detection runs under in job_runs: the scheduler records each run under its
 * queue's name (JOB_QUEUES.detectMissedCheckIns in packages/db/src/server/job-queue.ts).
 */
export const MISSED_CHECK_IN_DETECTION_JOB = 'detect-missed-check-ins';

/** Detection catches up on at most this many days before today (product.md). */
export const CATCH_UP_DAYS = 14;

export interface DetectionPlan {
  timeZone: string;
  /** Local dates to evaluate, oldest first, ending with today. */
  days: string[];
}

/**
 * The days a run evaluates: today, and each earlier day (up to 14 back) that no successful run
 * has fully evaluated. A run that started at S judged every window that had closed more than
 * the buffer before S, and a window closes at 23:59 at the latest, so it fully evaluated every
 * day before the local date of S minus the buffer and a minute. Without such a run (a new
 * company, or detection called outside the scheduler) all 15 days are evaluated, which is
 * correct, only slower: each day's decision skips what is already recorded.
 */
export async function planDetection(
  read: ReadTx,
  companyId: string,
  now: Date,
): Promise<DetectionPlan> {
  const company = await read.company.findUniqueOrThrow({
    where: { id: companyId },
    select: { timezone: true },
  });
  const timeZone = company.timezone;
  const today = toLocalTime(now, timeZone).date;
  const earliest = addDays(today, -CATCH_UP_DAYS);
  const [last] = await read.$queryRaw<Array<{ started_at: Date | null }>>`
    SELECT max(started_at) AS started_at FROM job_runs
    WHERE job = ${MISSED_CHECK_IN_DETECTION_JOB} AND outcome = 'succeeded'
      AND started_at <= ${now}`;
  let first = earliest;
  if (last?.started_at) {
    const settled = new Date(last.started_at.getTime() - (MISS_BUFFER_MINUTES + 1) * 60_000);
    const firstOpen = toLocalTime(settled, timeZone).date;
    if (firstOpen > first) first = firstOpen;
  }
  if (first > today) first = today;
  const days: string[] = [];
  for (let date = first; date <= today; date = addDays(date, 1)) days.push(date);
  return { timeZone, days };
}
