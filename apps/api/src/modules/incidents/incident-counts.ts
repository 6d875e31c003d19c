import { incidentCounts } from '../../services/incidents/incident-counts.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { incidentCountsOutput } from './incident-schemas.ts';

/** WHS and admins: how many reports and cases are in each state (no content). */
export const incidentCountsProcedure = tenantProcedure
  .output(incidentCountsOutput)
  .query(({ ctx }) => incidentCounts(ctx.deps, ctx.actor));
