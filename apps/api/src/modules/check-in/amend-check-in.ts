import { amendCheckIn } from '../../services/check-in/check-in-service.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { checkInInput, checkInOutput } from './check-in-schemas.ts';

/** Replaces today's values; the score is recomputed and earlier versions stay in the history. */
export const amendCheckInProcedure = tenantProcedure
  .input(checkInInput)
  .output(checkInOutput)
  .mutation(({ ctx, input }) => amendCheckIn(ctx.deps, ctx.actor, input));
