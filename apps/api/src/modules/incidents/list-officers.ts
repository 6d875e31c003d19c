import { listOfficers } from '../../services/cases/list-cases.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { officersOutput } from './incident-schemas.ts';

/** WHS: the active officers a case can be assigned to. */
export const listOfficersProcedure = tenantProcedure
  .output(officersOutput)
  .query(({ ctx }) => listOfficers(ctx.deps, ctx.actor));
