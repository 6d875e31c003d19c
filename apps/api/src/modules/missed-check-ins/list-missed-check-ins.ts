import { listMissedCheckIns } from '../../services/missed-check-ins/list-missed-check-ins.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { listMissesInput, missListOutput } from './miss-schemas.ts';

/** Misses the caller may read (own, their teams', or all), newest day first, by cursor. */
export const listMissedCheckInsProcedure = tenantProcedure
  .input(listMissesInput)
  .output(missListOutput)
  .query(({ ctx, input }) => listMissedCheckIns(ctx.deps, ctx.actor, input));
