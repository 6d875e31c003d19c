import { withTenantDirect } from '@aegira/db';
import { periodStart, worstAndBestDays } from '@aegira/domain';
import type { z } from 'zod';
import type {
  teamAnalyticsInput,
  teamAnalyticsOutput,
} from '../../modules/analytics/analytics-schemas.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { datesFrom, firstDayOf, readableTeamOnClock } from './analytics-scope.ts';
import { figuresOf, groupRows } from './day-figures.ts';
import { teamDayRows } from './team-day-rows.ts';

type TeamAnalytics = z.infer<typeof teamAnalyticsOutput>;

/**
 * One team over 7, 30 or 90 days ending today, never before the team's first
 * day: one SQL statement for the figures (team-day-rows.ts), the rest adds up.
 */
export async function teamAnalytics(
  deps: ServiceDeps,
  actor: Actor,
  input: z.infer<typeof teamAnalyticsInput>,
): Promise<TeamAnalytics> {
  const now = deps.now?.() ?? new Date();
  // Two statements on the driver, not Prisma's client (decision 044).
  return withTenantDirect(deps.db, actor.companyId, async (read) => {
    const { team, clock } = await readableTeamOnClock(read, actor, input.teamId, now);
    const { timeZone, today } = clock;
    const from = periodStart(today, input.days, firstDayOf(team, timeZone));
    const rows = await teamDayRows(read, { from, to: today, now, teamIds: [team.id] });
    const byDate = groupRows(rows, (row) => row.local_date);
    const days = datesFrom(from, today).map((date) => ({
      date,
      ...figuresOf(byDate.get(date) ?? []),
    }));
    const { worst, best } = worstAndBestDays(days, today);
    const mark = (day: (typeof days)[number] | null) =>
      day && day.compliance !== null
        ? { date: day.date, compliance: day.compliance, averageReadiness: day.averageReadiness }
        : null;
    return {
      team: { id: team.id, name: team.name },
      from,
      to: today,
      days,
      totals: figuresOf(rows),
      worstDay: mark(worst),
      bestDay: mark(best),
    };
  });
}
