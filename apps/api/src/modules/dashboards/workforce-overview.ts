import { workforceOverview } from '../../services/dashboards/workforce-overview.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { workforceOverviewOutput } from './dashboard-schemas.ts';

/** The admin's overview of people and teams, and today's company-wide compliance (WHS reads it too). */
export const workforceOverviewProcedure = roleProcedure('ADMIN', 'WHS')
  .output(workforceOverviewOutput)
  .query(({ ctx }) => workforceOverview(ctx.deps, ctx.actor));
