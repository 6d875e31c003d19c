import { workerHistory } from '../../services/analytics/worker-history.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { workerHistoryInput, workerHistoryOutput } from './analytics-schemas.ts';

/**
 * A member's days (check-in with every factor score, miss, leave) over a chosen
 * period: a worker their own, a lead or supervisor their teams' days, admins and
 * WHS anyone's. A person out of scope is NOT_FOUND.
 */
export const workerHistoryProcedure = tenantProcedure
  .input(workerHistoryInput)
  .output(workerHistoryOutput)
  .query(({ ctx, input }) => workerHistory(ctx.deps, ctx.actor, input));
