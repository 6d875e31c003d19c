import { sqlOf, withTenant } from '@aegira/db';
import { periodStart } from '@aegira/domain';
import type { z } from 'zod';
import type {
  companyAnalyticsInput,
  companyAnalyticsOutput,
} from '../../modules/analytics/analytics-schemas.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { companyClockOf, datesFrom, firstDayOf, readableTeamIds } from './analytics-scope.ts';
import { figuresOf, groupRows } from './day-figures.ts';
import { teamDayRows } from './team-day-rows.ts';

type CompanyAnalytics = z.infer<typeof companyAnalyticsOutput>;

/**
 * The teams the actor may read (a supervisor's, or every team) over 7, 30 or
 * 90 days: per day all together, and one row per team. Inactive teams appear
 * only with something recorded or expected in the period.
 */
export async function companyAnalytics(
  deps: ServiceDeps,
  actor: Actor,
  input: z.infer<typeof companyAnalyticsInput>,
): Promise<CompanyAnalytics> {
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (read) => {
    const teamIds = await readableTeamIds(read, actor);
    const { timeZone, today } = await companyClockOf(read, actor, now);
    const teams = await read.team.findMany({
      where: teamIds === null ? {} : { id: { in: teamIds } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    const firstDays = teams.map((team) => firstDayOf(team, timeZone)).sort();
    const from = periodStart(today, input.days, firstDays[0] ?? today);
    const rows = await teamDayRows(sqlOf(read), { from, to: today, now, teamIds });
    const byDate = groupRows(rows, (row) => row.local_date);
    const byTeam = groupRows(rows, (row) => row.team_id);
    return {
      from,
      to: today,
      days: datesFrom(from, today).map((date) => ({ date, ...figuresOf(byDate.get(date) ?? []) })),
      totals: figuresOf(rows),
      teams: teams.flatMap((team) => {
        const teamRows = byTeam.get(team.id) ?? [];
        const figures = figuresOf(teamRows);
        if (!team.isActive && figures.expected === 0 && figures.checkIns === 0) return [];
        return [
          {
            team: { id: team.id, name: team.name },
            isActive: team.isActive,
            from: periodStart(today, input.days, firstDayOf(team, timeZone)),
            ...figures,
          },
        ];
      }),
    };
  });
}
