import {
  auditChain,
  type Db,
  finishJobRun,
  recordJobRunProgress,
  startJobRun,
  withTenant,
} from '@aegira/db';
import { JOB_QUEUES, sendJob } from '@aegira/db/server';
import { AppError } from '../../errors/app-error.ts';
import { errorMessage } from '../../jobs/error-message.ts';
import type { Actor } from '../actor.ts';
import { requireAuditSigningKey } from './signing-key.ts';

// "Verify the live log" (issue 15): an admin queues a run on the verify-audit-log queue; a
// worker on any instance runs the offline verifier over the company's seals, events and
// checkpoints, writing its progress into the run's job_runs counts as it goes and, at the
// end, the verdict. A broken chain ends the run `failed`, its reason in `error`, and the
// first broken sequence in its counts; a run that could not check (an error) has none.

export const VERIFY_JOB = JOB_QUEUES.verifyAuditLog;

/** A run still `running` after this long is taken as lost (its instance stopped). */
export const VERIFY_ABANDON_AFTER_SECONDS = 3600;

/** Links checked between two progress writes. */
const PROGRESS_EVERY = 2_000;

export type VerifyRunState = 'queued' | 'running' | 'intact' | 'broken' | 'failed';

export interface VerifyRunDto {
  id: string;
  state: VerifyRunState;
  startedAt: string;
  finishedAt: string | null;
  /** Links checked so far, of `total` (null until a worker has started). */
  checked: number | null;
  total: number | null;
  /** Links that verified from seq 1 without a gap. */
  verifiedThrough: number | null;
  intactUpToCheckpoint: number | null;
  firstBrokenSeq: number | null;
  /** Why the chain is broken, or why the run failed. */
  message: string | null;
}

export interface VerifyJobData {
  companyId: string;
  runId: string;
}

interface RunRow {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: string;
  counts: unknown;
  error: string | null;
}

function countsOf(stored: unknown): Record<string, number> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}

function stateOf(row: RunRow, counts: Record<string, number>): VerifyRunState {
  if (row.outcome === 'running') return counts.total === undefined ? 'queued' : 'running';
  if (row.outcome === 'succeeded') return 'intact';
  return counts.firstBrokenSeq === undefined ? 'failed' : 'broken';
}

function toDto(row: RunRow): VerifyRunDto {
  const counts = countsOf(row.counts);
  const state = stateOf(row, counts);
  return {
    id: row.id,
    state,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    checked: counts.checked ?? null,
    total: counts.total ?? null,
    verifiedThrough: counts.verifiedThrough ?? null,
    intactUpToCheckpoint: counts.intactUpToCheckpoint ?? null,
    firstBrokenSeq: counts.firstBrokenSeq ?? null,
    message: row.error,
  };
}

async function readRun(db: Db, companyId: string, runId?: string): Promise<RunRow | null> {
  return withTenant(db, companyId, (read) =>
    read.jobRun.findFirst({
      where: { job: VERIFY_JOB, ...(runId ? { id: runId } : {}) },
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    }),
  );
}

/** The company's run `runId`, or its latest; null when there is none. */
export async function verifyRunStatus(
  db: Db,
  actor: Actor,
  runId: string | undefined,
): Promise<VerifyRunDto | null> {
  const row = await readRun(db, actor.companyId, runId);
  if (!row && runId) throw new AppError('NOT_FOUND', 'No verification run with this id.');
  return row ? toDto(row) : null;
}

/**
 * Queues a verification of the company's live log; while one is queued or running, returns
 * that one instead (two would only race over the same rows).
 */
export async function startLiveVerify(db: Db, actor: Actor): Promise<VerifyRunDto> {
  requireAuditSigningKey();
  const companyId = actor.companyId;
  const latest = await readRun(db, companyId);
  const fresh =
    latest?.outcome === 'running' &&
    Date.now() - latest.startedAt.getTime() < VERIFY_ABANDON_AFTER_SECONDS * 1000;
  if (latest && fresh) return toDto(latest);
  const runId = await startJobRun(db, {
    companyId,
    job: VERIFY_JOB,
    abandonAfterSeconds: VERIFY_ABANDON_AFTER_SECONDS,
  });
  try {
    // One attempt: a run that dies is marked abandoned, and the admin starts another.
    await sendJob(db, VERIFY_JOB, { companyId, runId } satisfies VerifyJobData, {
      id: runId,
      retryLimit: 0,
    });
  } catch (error) {
    await finishJobRun(db, {
      companyId,
      runId,
      outcome: 'failed',
      counts: {},
      error: 'The verification could not be queued.',
    });
    throw error;
  }
  const row = await readRun(db, companyId, runId);
  if (!row) throw new Error(`The verification run ${runId} vanished`);
  return toDto(row);
}

export interface VerifyJobOptions {
  /** Links checked between two progress writes (default 2,000). */
  progressEvery?: number;
  /** Called after each progress write (tests read the run's row then). */
  afterProgress?: () => Promise<void>;
}

/** The worker's part: verifies the chain, reporting progress, and records the verdict. */
export async function runVerifyJob(
  db: Db,
  data: VerifyJobData,
  options: VerifyJobOptions = {},
): Promise<VerifyRunDto> {
  const { companyId, runId } = data;
  let progress: Record<string, number> = {};
  try {
    const report = await auditChain.verifyCompanyLog(db, companyId, {
      trustedPublicKey: requireAuditSigningKey().publicKey,
      progressEvery: options.progressEvery ?? PROGRESS_EVERY,
      onProgress: async (checked, total) => {
        progress = { checked, total };
        await recordJobRunProgress(db, { companyId, runId, counts: progress });
        await options.afterProgress?.();
      },
    });
    const counts: Record<string, number> = {
      checked: report.events,
      total: report.total,
      verifiedThrough: report.verifiedThrough,
      checkpoints: report.checkpoints,
      ...(report.intactUpToCheckpoint === null
        ? {}
        : { intactUpToCheckpoint: report.intactUpToCheckpoint }),
      ...(report.firstBrokenSeq === null ? {} : { firstBrokenSeq: report.firstBrokenSeq }),
    };
    await finishJobRun(db, {
      companyId,
      runId,
      outcome: report.intact ? 'succeeded' : 'failed',
      counts,
      error: report.intact ? null : `Broken at seq ${report.firstBrokenSeq}: ${report.reason}`,
    });
  } catch (error) {
    await finishJobRun(db, {
      companyId,
      runId,
      outcome: 'failed',
      counts: progress,
      error: errorMessage(error),
    });
    throw error;
  }
  const row = await readRun(db, companyId, runId);
  if (!row) throw new Error(`The verification run ${runId} vanished`);
  return toDto(row);
}
