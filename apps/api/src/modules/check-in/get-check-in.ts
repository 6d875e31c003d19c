import { getCheckIn } from '../../services/check-in/check-in-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { checkInDetailOutput, checkInIdInput } from './check-in-schemas.ts';

/**
 * One check-in with all its versions, or as it was at `asOf` (the versions recorded by
 * then); NOT_FOUND when it is not visible to the caller.
 */
export const getCheckInProcedure = tenantProcedure
  .input(checkInIdInput)
  .output(checkInDetailOutput)
  .query(({ ctx, input }) => getCheckIn(ctx.deps, ctx.actor, input.id, input.asOf));
