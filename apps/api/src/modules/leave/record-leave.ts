import { recordLeave } from '../../services/leave/leave-service.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { leaveOutput, recordLeaveInput } from './leave-schemas.ts';

/** A team lead for a member of their team, or an admin for any worker; the access policy decides. */
export const recordLeaveProcedure = tenantProcedure
  .input(recordLeaveInput)
  .output(leaveOutput)
  .mutation(({ ctx, input }) => recordLeave(ctx.deps, ctx.actor, input));
