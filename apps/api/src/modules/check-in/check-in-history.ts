import { checkInHistory } from '../../services/check-in/check-in-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { historyInput, historyOutput } from './check-in-schemas.ts';

/** Newest first, by cursor; another person's history only as far as the access policy allows. */
export const checkInHistoryProcedure = tenantProcedure
  .input(historyInput)
  .output(historyOutput)
  .query(({ ctx, input }) => checkInHistory(ctx.deps, ctx.actor, input));
