import { todayCheckIn } from '../../services/check-in/check-in-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { checkInOutput } from './check-in-schemas.ts';

/** The signed-in person's check-in for today, or null. */
export const todayCheckInProcedure = tenantProcedure
  .output(checkInOutput.nullable())
  .query(({ ctx }) => todayCheckIn(ctx.deps, ctx.actor));
