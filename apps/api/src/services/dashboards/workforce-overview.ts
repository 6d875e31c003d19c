import { sqlOf, withTenant } from '@aegira/db';
import type { z } from 'zod';
import type { workforceOverviewOutput } from '../../modules/dashboards/dashboard-schemas.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { companyClockOf } from '../analytics/analytics-scope.ts';
import { figuresOf } from '../analytics/day-figures.ts';
import { teamDayRows } from '../analytics/team-day-rows.ts';

type WorkforceOverview = z.infer<typeof workforceOverviewOutput>;

const UNASSIGNED_SHOWN = 50;

interface UnassignedRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  total: number;
}

/** People and teams of the company, active and not, and today's company-wide figures. */
export async function workforceOverview(
  deps: ServiceDeps,
  actor: Actor,
): Promise<WorkforceOverview> {
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (read) => {
    const { today } = await companyClockOf(read, actor, now);
    const people = await read.person.groupBy({
      by: ['role', 'isActive'],
      _count: { _all: true },
    });
    const byRole = { ADMIN: 0, SUPERVISOR: 0, TEAM_LEAD: 0, WORKER: 0, WHS: 0 };
    let active = 0;
    let inactive = 0;
    for (const group of people) {
      if (group.isActive) {
        active += group._count._all;
        byRole[group.role] += group._count._all;
      } else inactive += group._count._all;
    }
    const teams = await read.team.groupBy({ by: ['isActive'], _count: { _all: true } });
    const withoutSupervisor = await read.team.findMany({
      where: { isActive: true, supervisorId: null },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true },
    });
    // No team today: app_person_team_on(p, today) is null, written set-based (no team row and
    // no pending move whose day has come), so it is one scan, not a call per person.
    const unassigned = await read.$queryRaw<UnassignedRow[]>`
      SELECT p.id, p.first_name, p.last_name, p.email, count(*) OVER ()::int AS total
      FROM persons p
      WHERE p.is_active AND p.role = 'WORKER' AND p.team_id IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM team_transfers t
          WHERE t.company_id = p.company_id AND t.person_id = p.id
            AND t.status = 'PENDING' AND t.effective_on <= ${today}::date)
      ORDER BY p.last_name, p.first_name, p.id
      LIMIT ${UNASSIGNED_SHOWN}`;
    const rows = await teamDayRows(sqlOf(read), {
      from: today,
      to: today,
      now,
      teamIds: null,
    });
    const { averageSubmitTime: _time, ...figures } = figuresOf(rows);
    const teamCount = (isActive: boolean) =>
      teams.find((group) => group.isActive === isActive)?._count._all ?? 0;
    return {
      localDate: today,
      people: { active, inactive, byRole },
      teams: { active: teamCount(true), inactive: teamCount(false), withoutSupervisor },
      unassignedWorkers: {
        count: unassigned[0]?.total ?? 0,
        items: unassigned.map((row) => ({
          id: row.id,
          name: `${row.first_name} ${row.last_name}`,
          email: row.email,
        })),
      },
      today: figures,
    };
  });
}
