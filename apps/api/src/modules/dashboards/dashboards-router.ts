import { router } from '../../trpc/init.ts';
import { supervisorOverviewProcedure } from './supervisor-overview.ts';
import { teamDashboardProcedure } from './team-dashboard.ts';
import { workerDashboardProcedure } from './worker-dashboard.ts';
import { workforceOverviewProcedure } from './workforce-overview.ts';

export const dashboardsRouter = router({
  worker: workerDashboardProcedure,
  team: teamDashboardProcedure,
  supervisorOverview: supervisorOverviewProcedure,
  workforce: workforceOverviewProcedure,
});
