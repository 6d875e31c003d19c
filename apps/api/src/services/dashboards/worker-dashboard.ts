import { dateColumn, localDateOf, withTenant } from '@aegira/db';
import { addDays, averageOf, streakOf, weekCompletionOf } from '@aegira/domain';
import type { z } from 'zod';
import type { workerDashboardOutput } from '../../modules/dashboards/dashboard-schemas.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { companyClockOf } from '../analytics/analytics-scope.ts';
import { personDayRows } from '../analytics/person-day-rows.ts';
import { checkInStatus } from '../check-in/check-in-queries.ts';

type WorkerDashboard = z.infer<typeof workerDashboardOutput>;

/** How far back a streak is looked for: a year of unbroken check-ins is shown as that. */
const STREAK_LOOKBACK_DAYS = 366;

/**
 * The signed-in person's figures. Today's card is checkIn.status itself (the
 * same rules, one clock reading); the days are judged in one statement.
 */
export async function workerDashboard(deps: ServiceDeps, actor: Actor): Promise<WorkerDashboard> {
  const now = deps.now?.() ?? new Date();
  const clockedDeps = { ...deps, now: () => now };
  const today = await checkInStatus(clockedDeps, actor);
  return withTenant(deps.db, actor.companyId, async (read) => {
    const { timeZone } = await companyClockOf(read, actor, now);
    const date = today.localDate;
    const rows = await personDayRows(read, {
      from: addDays(date, -STREAK_LOOKBACK_DAYS),
      to: date,
      now,
      personId: actor.personId,
      teamIds: null,
    });
    const days = rows.map((row) => ({
      date: row.local_date,
      expected: row.expected,
      checkedIn: row.check_in_id !== null,
    }));
    const firstAssignment = await read.$queryRaw<Array<{ assigned_on: string | null }>>`
      SELECT min(team_assigned_on)::text AS assigned_on FROM person_versions
      WHERE company_id = app_current_company_id() AND id = ${actor.personId}::uuid
        AND team_id IS NOT NULL`;
    const recent = rows.filter((row) => row.local_date > addDays(date, -30));
    const scored = recent.filter((row) => row.readiness_score !== null);
    const windowClosed = today.status === 'closed_late_allowed';
    const transfer = await read.teamTransfer.findFirst({
      where: { personId: actor.personId, status: 'PENDING', effectiveOn: { gt: dateColumn(date) } },
    });
    const moveTeams = transfer
      ? await read.team.findMany({
          where: { id: { in: [transfer.fromTeamId, transfer.toTeamId] } },
          select: { id: true, name: true },
        })
      : [];
    const teamRef = (id: string) => ({
      id,
      name: moveTeams.find((team) => team.id === id)?.name ?? 'Unknown team',
    });
    return {
      localDate: date,
      timeZone,
      streak: streakOf(days, date),
      average30Days: averageOf(
        scored.reduce((sum, row) => sum + (row.readiness_score ?? 0), 0),
        scored.length,
      ),
      checkIns30Days: scored.length,
      week: weekCompletionOf({
        days,
        today: date,
        todayWindowOpened: today.status === 'open' || windowClosed,
        assignedOn: firstAssignment[0]?.assigned_on ?? null,
      }),
      trend: [6, 5, 4, 3, 2, 1, 0].map((back) => {
        const day = addDays(date, -back);
        const row = rows.find((candidate) => candidate.local_date === day);
        const expected = row?.expected ?? false;
        const checkedIn = (row?.check_in_id ?? null) !== null;
        return {
          date: day,
          expected,
          missed: expected && !checkedIn && (back > 0 || windowClosed),
          readinessScore: row?.readiness_score ?? null,
          level: row?.level ?? null,
          isLate: row?.is_late ?? null,
        };
      }),
      today,
      pendingMove: transfer
        ? {
            transferId: transfer.id,
            effectiveOn: localDateOf(transfer.effectiveOn),
            fromTeam: teamRef(transfer.fromTeamId),
            toTeam: teamRef(transfer.toTeamId),
          }
        : null,
    };
  });
}
