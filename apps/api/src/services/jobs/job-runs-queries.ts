import { type Db, withTenant } from '@aegira/db';
import type { Actor } from '../actor.ts';

export interface JobRunListRequest {
  job?: string | undefined;
  /** The id of the last run of the previous page. */
  cursor?: string | undefined;
  limit: number;
}

export type JobRunOutcome = 'running' | 'succeeded' | 'failed';

export interface JobRunDto {
  id: string;
  job: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: JobRunOutcome;
  counts: Record<string, number>;
  error: string | null;
}

/**
 * The company's job runs, newest first, by cursor. Rows are written only by the job runner
 * (apps/api/src/jobs/record-run.ts), so an unknown outcome or a non-numeric count would be a
 * bug there; they are shown as `failed` and left out rather than failing the page.
 */
export async function listJobRuns(db: Db, actor: Actor, request: JobRunListRequest) {
  return withTenant(db, actor.companyId, async (read) => {
    const rows = await read.jobRun.findMany({
      where: request.job ? { job: request.job } : {},
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      take: request.limit + 1,
      ...(request.cursor ? { cursor: { id: request.cursor }, skip: 1 } : {}),
    });
    const page = rows.slice(0, request.limit);
    const items: JobRunDto[] = page.map((row) => ({
      id: row.id,
      job: row.job,
      startedAt: row.startedAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
      outcome: outcomeOf(row.outcome),
      counts: countsOf(row.counts),
      error: row.error,
    }));
    return {
      items,
      nextCursor: rows.length > request.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}

function outcomeOf(stored: string): JobRunOutcome {
  return stored === 'running' || stored === 'succeeded' ? stored : 'failed';
}

function countsOf(stored: unknown): Record<string, number> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}
