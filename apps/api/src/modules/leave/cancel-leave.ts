import { cancelLeave } from '../../services/leave/leave-service.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { cancelLeaveInput, leaveOutput } from './leave-schemas.ts';

/** Marks leave cancelled (its row stays); same roles and scope as recording it. */
export const cancelLeaveProcedure = tenantProcedure
  .input(cancelLeaveInput)
  .output(leaveOutput)
  .mutation(({ ctx, input }) => cancelLeave(ctx.deps, ctx.actor, input));
