import { listIncidents } from '../../services/incidents/list-incidents.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { incidentListOutput, listIncidentsInput } from './incident-schemas.ts';

/** WHS: every report, filtered, with counts per state; the service refuses other roles. */
export const listIncidentsProcedure = tenantProcedure
  .input(listIncidentsInput)
  .output(incidentListOutput)
  .query(({ ctx, input }) => listIncidents(ctx.deps, ctx.actor, input));
