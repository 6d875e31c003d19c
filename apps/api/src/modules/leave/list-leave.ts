import { listLeave } from '../../services/leave/leave-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { leaveListOutput, listLeaveInput } from './leave-schemas.ts';

/** Leave the caller may read (own, their teams', or all), newest start first. */
export const listLeaveProcedure = tenantProcedure
  .input(listLeaveInput)
  .output(leaveListOutput)
  .query(({ ctx, input }) => listLeave(ctx.deps, ctx.actor, input));
