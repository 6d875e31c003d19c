import { approveIncident } from '../../services/incidents/review-incident.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { approveIncidentInput, incidentOutput } from './incident-schemas.ts';

/** WHS (never the reporter) approves a pending report, which opens its case. */
export const approveIncidentProcedure = tenantProcedure
  .input(approveIncidentInput)
  .output(incidentOutput)
  .mutation(({ ctx, input }) => approveIncident(ctx.deps, ctx.actor, input));
