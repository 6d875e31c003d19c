import { teamAnalytics } from '../../services/analytics/team-analytics.ts';
import { roleProcedure } from '../../trpc/init.ts';
import { teamAnalyticsInput, teamAnalyticsOutput } from './analytics-schemas.ts';

/** One team over 7, 30 or 90 days: per day, totals, worst and best day. Another team is NOT_FOUND. */
export const teamAnalyticsProcedure = roleProcedure('TEAM_LEAD', 'SUPERVISOR', 'ADMIN', 'WHS')
  .input(teamAnalyticsInput)
  .output(teamAnalyticsOutput)
  .query(({ ctx, input }) => teamAnalytics(ctx.deps, ctx.actor, input));
