import { companyAnalytics } from '../../services/analytics/company-analytics.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { companyAnalyticsInput, companyAnalyticsOutput } from './analytics-schemas.ts';

/** The company (a supervisor: their teams) over 7, 30 or 90 days, per day and by team. */
export const companyAnalyticsProcedure = roleProcedure('SUPERVISOR', 'ADMIN', 'WHS')
  .input(companyAnalyticsInput)
  .output(companyAnalyticsOutput)
  .query(({ ctx, input }) => companyAnalytics(ctx.deps, ctx.actor, input));
