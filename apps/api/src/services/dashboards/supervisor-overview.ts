import { sqlOf, withTenant } from '@aegira/db';
import { averageOf, percentOf } from '@aegira/domain';
import type { z } from 'zod';
import type { supervisorOverviewOutput } from '../../modules/dashboards/dashboard-schemas.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { companyClockOf, fullName, readableTeamIds } from '../analytics/analytics-scope.ts';
import { figuresOf, groupRows } from '../analytics/day-figures.ts';
import { teamDayRows } from '../analytics/team-day-rows.ts';

type SupervisorOverview = z.infer<typeof supervisorOverviewOutput>;

/** Today over the actor's active teams, one row each, with totals (check-ins averaged, not teams). */
export async function supervisorOverview(
  deps: ServiceDeps,
  actor: Actor,
): Promise<SupervisorOverview> {
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (read) => {
    const teamIds = await readableTeamIds(read, actor);
    const { today } = await companyClockOf(read, actor, now);
    const teams = await read.team.findMany({
      where: { isActive: true, ...(teamIds === null ? {} : { id: { in: teamIds } }) },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    const ids = teams.map((team) => team.id);
    const rows = await teamDayRows(sqlOf(read), {
      from: today,
      to: today,
      now,
      teamIds: ids,
    });
    const byTeam = groupRows(rows, (row) => row.team_id);
    const leads = await read.person.findMany({
      where: { id: { in: teams.map((team) => team.leaderId) } },
      select: { id: true, firstName: true, lastName: true },
    });
    const items = teams.map((team) => {
      const teamRows = byTeam.get(team.id) ?? [];
      const figures = figuresOf(teamRows);
      const lead = leads.find((person) => person.id === team.leaderId);
      return {
        team: { id: team.id, name: team.name },
        lead: { id: team.leaderId, name: lead ? fullName(lead) : 'Unknown person' },
        // Judged like the figures (judged-days-sql.ts): one statement for the whole overview.
        members: teamRows.reduce((sum, row) => sum + row.members, 0),
        expected: figures.expected,
        submitted: figures.submitted,
        compliance: figures.compliance,
        averageReadiness: figures.averageReadiness,
      };
    });
    const all = figuresOf(rows);
    return {
      localDate: today,
      totals: {
        teams: items.length,
        members: items.reduce((sum, item) => sum + item.members, 0),
        expected: all.expected,
        submitted: all.submitted,
        compliance: percentOf(all.submitted, all.expected),
        averageReadiness: averageOf(
          rows.reduce((sum, row) => sum + row.score_sum, 0),
          all.checkIns,
        ),
      },
      teams: items,
    };
  });
}
