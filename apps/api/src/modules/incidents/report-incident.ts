import { reportIncident } from '../../services/incidents/report-incident.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { incidentOutput, reportIncidentInput } from './incident-schemas.ts';

/** Anyone reports an incident; it is numbered INC-<year>-<n> and WHS is told. */
export const reportIncidentProcedure = tenantProcedure
  .input(reportIncidentInput)
  .output(incidentOutput)
  .mutation(({ ctx, input }) => reportIncident(ctx.deps, ctx.actor, input));
