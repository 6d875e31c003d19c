import { z } from 'zod';
import {
  ANALYTICS_PERIODS,
  incidentAnalytics,
  incidentAnalyticsOutput,
} from '../../services/incidents/incident-analytics.ts';
import { tenantProcedure } from '../../trpc/init.ts';

export const incidentAnalyticsInput = z.strictObject({
  days: z.union(
    ANALYTICS_PERIODS.map((days) => z.literal(days)),
    { error: `must be one of: ${ANALYTICS_PERIODS.join(', ')}` },
  ),
});

/** WHS: incident analytics over 7, 30 or 90 days (company time). */
export const incidentAnalyticsProcedure = tenantProcedure
  .input(incidentAnalyticsInput)
  .output(incidentAnalyticsOutput)
  .query(({ ctx, input }) => incidentAnalytics(ctx.deps, ctx.actor, input));
