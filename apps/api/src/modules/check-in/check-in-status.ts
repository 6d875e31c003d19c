import { checkInStatus } from '../../services/check-in/check-in-queries.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { statusOutput } from './check-in-schemas.ts';

/** Today for the signed-in person: work day or holiday, the window, and whether a check-in is possible. */
export const checkInStatusProcedure = tenantProcedure
  .output(statusOutput)
  .query(({ ctx }) => checkInStatus(ctx.deps, ctx.actor));
