import { workerDashboard } from '../../services/dashboards/worker-dashboard.ts';
import { tenantProcedure } from '../../trpc/init.ts';
import { workerDashboardOutput } from './dashboard-schemas.ts';

/** The signed-in person's own figures (streak, 30-day average, week, trend, today, pending move). */
export const workerDashboardProcedure = tenantProcedure
  .output(workerDashboardOutput)
  .query(({ ctx }) => workerDashboard(ctx.deps, ctx.actor));
