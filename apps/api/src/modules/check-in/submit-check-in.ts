import { submitCheckIn } from '../../services/check-in/check-in-service.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { checkInInput, checkInOutput } from './check-in-schemas.ts';

/** Today's check-in; CONFLICT if one exists, a specific reason if the window rules refuse it. */
export const submitCheckInProcedure = tenantProcedure
  .input(checkInInput)
  .output(checkInOutput)
  .mutation(({ ctx, input }) => submitCheckIn(ctx.deps, ctx.actor, input));
