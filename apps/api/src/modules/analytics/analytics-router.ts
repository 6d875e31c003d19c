import { router } from '../../trpc/init.ts';
import { companyAnalyticsProcedure } from './company-analytics.ts';
import { teamAnalyticsProcedure } from './team-analytics.ts';
import { workerHistoryProcedure } from './worker-history.ts';

export const analyticsRouter = router({
  team: teamAnalyticsProcedure,
  company: companyAnalyticsProcedure,
  workerHistory: workerHistoryProcedure,
});
