import { checkInsForDate } from '../../services/check-in/check-in-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { forDateInput, forDateOutput } from './check-in-schemas.ts';

/** One day's check-ins that the caller may read, with who submitted each (exports, team views). */
export const checkInsForDateProcedure = tenantProcedure
  .input(forDateInput)
  .output(forDateOutput)
  .query(({ ctx, input }) => checkInsForDate(ctx.deps, ctx.actor, input));
