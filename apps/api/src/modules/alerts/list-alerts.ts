import { listAlerts } from '../../services/alerts/list-alerts.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { alertListOutput, listAlertsInput } from './alert-schemas.ts';

/** Readiness alerts the caller may read (own, their teams', or all) with countermeasures, newest first. */
export const listAlertsProcedure = tenantProcedure
  .input(listAlertsInput)
  .output(alertListOutput)
  .query(({ ctx, input }) => listAlerts(ctx.deps, ctx.actor, input));
