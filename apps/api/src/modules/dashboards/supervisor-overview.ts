import { supervisorOverview } from '../../services/dashboards/supervisor-overview.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { supervisorOverviewOutput } from './dashboard-schemas.ts';

/** Today over the caller's teams (a supervisor's; every active team for admins and WHS), with totals. */
export const supervisorOverviewProcedure = roleProcedure('SUPERVISOR', 'ADMIN', 'WHS')
  .output(supervisorOverviewOutput)
  .query(({ ctx }) => supervisorOverview(ctx.deps, ctx.actor));
