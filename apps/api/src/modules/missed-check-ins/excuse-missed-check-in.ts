import { excuseMissedCheckIn } from '../../services/missed-check-ins/excuse-missed-check-in.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { excuseMissInput, missOutput } from './miss-schemas.ts';

/** The lead of the miss's team or an admin excuses an open miss; the access policy decides. */
export const excuseMissedCheckInProcedure = tenantProcedure
  .input(excuseMissInput)
  .output(missOutput)
  .mutation(({ ctx, input }) => excuseMissedCheckIn(ctx.deps, ctx.actor, input));
