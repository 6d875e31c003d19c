import { verifyRunStatus } from '../../services/audit-chain/verify-runs.ts';
import { adminSessionProcedure } from '../../trpc/init.ts';
import { verifyStatusInput, verifyStatusOutput } from './audit-chain-schemas.ts';

/** A verification run's progress and verdict: the one named, or the latest. */
export const verifyStatusProcedure = adminSessionProcedure
  .input(verifyStatusInput)
  .output(verifyStatusOutput)
  .query(async ({ ctx, input }) => ({
    run: await verifyRunStatus(ctx.db, ctx.actor, input.runId),
  }));
