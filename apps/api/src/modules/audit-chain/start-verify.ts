import { startLiveVerify } from '../../services/audit-chain/verify-runs.ts';
import { adminSessionProcedure } from '../../trpc/init.ts';
import { verifyRunOutput } from './audit-chain-schemas.ts';

/** Queues a verification of the live log (or returns the one already under way). */
export const startVerifyProcedure = adminSessionProcedure
  .output(verifyRunOutput)
  .mutation(({ ctx }) => startLiveVerify(ctx.db, ctx.actor));
