import { rejectIncident } from '../../services/incidents/review-incident.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { incidentOutput, rejectIncidentInput } from './incident-schemas.ts';

/** WHS (never the reporter) rejects a pending report with a reason and an explanation. */
export const rejectIncidentProcedure = tenantProcedure
  .input(rejectIncidentInput)
  .output(incidentOutput)
  .mutation(({ ctx, input }) => rejectIncident(ctx.deps, ctx.actor, input));
