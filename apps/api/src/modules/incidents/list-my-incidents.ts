import { listMyIncidents } from '../../services/incidents/list-incidents.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { incidentPageOutput, listMyIncidentsInput } from './incident-schemas.ts';

/** The caller's own reports with their states, newest first. */
export const listMyIncidentsProcedure = tenantProcedure
  .input(listMyIncidentsInput)
  .output(incidentPageOutput)
  .query(({ ctx, input }) => listMyIncidents(ctx.deps, ctx.actor, input));
