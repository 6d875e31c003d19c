import { whsDashboard, whsDashboardOutput } from '../../services/incidents/whs-dashboard.ts';
import { tenantProcedure } from '../../trpc/init.ts';

/** WHS: pending reports, my open cases, cases by state, resolved this month, recent activity. */
export const whsDashboardProcedure = tenantProcedure
  .output(whsDashboardOutput)
  .query(({ ctx }) => whsDashboard(ctx.deps, ctx.actor));
