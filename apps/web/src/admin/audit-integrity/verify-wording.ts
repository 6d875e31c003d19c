import type { RouterOutputs } from '../../trpc/types.ts';

export type VerifyRun = NonNullable<RouterOutputs['auditChain']['verifyStatus']['run']>;

/** Whether the run is still under way (the page polls until it is not). */
export function isVerifyActive(run: VerifyRun | null | undefined): boolean {
  return run?.state === 'queued' || run?.state === 'running';
}

/** How far a run got, 0–100, or null while no worker has started it. */
export function verifyPercent(run: VerifyRun): number | null {
  if (run.checked === null || run.total === null) return null;
  if (run.total === 0) return 100;
  return Math.min(100, Math.floor((run.checked / run.total) * 100));
}

/** The one sentence the page says about a run. */
export function verifySummary(run: VerifyRun): string {
  switch (run.state) {
    case 'queued':
      return 'Waiting for a worker to start the verification…';
    case 'running':
      return `Checked ${(run.checked ?? 0).toLocaleString('en-GB')} of ${(run.total ?? 0).toLocaleString('en-GB')} events…`;
    case 'intact':
      return run.intactUpToCheckpoint === null
        ? `Intact: all ${(run.verifiedThrough ?? 0).toLocaleString('en-GB')} events link up, but no signed checkpoint covers them yet.`
        : `Intact up to checkpoint ${run.intactUpToCheckpoint.toLocaleString('en-GB')}: all ${(run.verifiedThrough ?? 0).toLocaleString('en-GB')} events link up and every signature verifies.`;
    case 'broken':
      return `Broken: the log does not verify from event ${(run.firstBrokenSeq ?? 0).toLocaleString('en-GB')} on.`;
    case 'failed':
      return 'The verification could not finish.';
    default: {
      const unreachable: never = run.state;
      return unreachable;
    }
  }
}
