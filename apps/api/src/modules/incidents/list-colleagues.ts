import { listColleagues } from '../../services/incidents/colleagues.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { officersOutput } from './incident-schemas.ts';

/** Anyone reporting: the active people of the company, by name, to name who was involved. */
export const listColleaguesProcedure = tenantProcedure
  .output(officersOutput)
  .query(({ ctx }) => listColleagues(ctx.deps, ctx.actor));
