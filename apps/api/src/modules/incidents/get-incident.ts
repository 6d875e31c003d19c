import { getIncident } from '../../services/incidents/list-incidents.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { incidentDetailOutput, incidentIdInput } from './incident-schemas.ts';

/** One incident: WHS any, anyone else only their own report. */
export const getIncidentProcedure = tenantProcedure
  .input(incidentIdInput)
  .output(incidentDetailOutput)
  .query(({ ctx, input }) => getIncident(ctx.deps, ctx.actor, input.incidentId));
