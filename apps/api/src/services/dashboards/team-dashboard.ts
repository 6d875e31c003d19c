import { dateColumn, localDateOf, type ReadTx, withTenant } from '@aegira/db';
import type { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type {
  teamDashboardInput,
  teamDashboardOutput,
} from '../../modules/dashboards/dashboard-schemas.ts';
import { teamScopeOf } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { companyClockOf, fullName, readableTeam } from '../analytics/analytics-scope.ts';
import { figuresOf } from '../analytics/day-figures.ts';
import { teamDayRows } from '../analytics/team-day-rows.ts';

type TeamDashboard = z.infer<typeof teamDashboardOutput>;

/** The team asked for, or the one a lead leads when none is named. */
async function teamIdFor(read: ReadTx, actor: Actor, teamId: string | undefined): Promise<string> {
  if (teamId) return teamId;
  const scope = await teamScopeOf(read, actor);
  const own = actor.role === 'TEAM_LEAD' && scope.kind === 'teams' ? scope.teamIds[0] : undefined;
  if (own) return own;
  throw new AppError(
    'VALIDATION_FAILED',
    actor.role === 'TEAM_LEAD' ? 'You do not lead an active team.' : 'Choose a team.',
    { fieldErrors: { teamId: ['is required'] } },
  );
}

/**
 * Today's figures of one team (expected, submitted, compliance, average,
 * levels) and the moves still to come; the live roster is teams.get.
 */
export async function teamDashboard(
  deps: ServiceDeps,
  actor: Actor,
  input: z.infer<typeof teamDashboardInput>,
): Promise<TeamDashboard> {
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (read) => {
    const team = await readableTeam(read, actor, await teamIdFor(read, actor, input.teamId));
    const { timeZone, today } = await companyClockOf(read, actor, now);
    const rows = await teamDayRows(read, { from: today, to: today, now, teamIds: [team.id] });
    const { averageSubmitTime: _time, ...figures } = figuresOf(rows);
    const transfers = await read.teamTransfer.findMany({
      where: {
        status: 'PENDING',
        effectiveOn: { gt: dateColumn(today) },
        OR: [{ fromTeamId: team.id }, { toTeamId: team.id }],
      },
      orderBy: [{ effectiveOn: 'asc' }, { createdAt: 'asc' }],
    });
    const people = await read.person.findMany({
      where: {
        id: {
          in: [
            team.leaderId,
            ...(team.supervisorId ? [team.supervisorId] : []),
            ...transfers.map((t) => t.personId),
          ],
        },
      },
      select: { id: true, firstName: true, lastName: true },
    });
    const teams = await read.team.findMany({
      where: { id: { in: transfers.flatMap((t) => [t.fromTeamId, t.toTeamId]) } },
      select: { id: true, name: true },
    });
    const personRef = (id: string) => {
      const person = people.find((p) => p.id === id);
      return { id, name: person ? fullName(person) : 'Unknown person' };
    };
    const teamRef = (id: string) => ({
      id,
      name: teams.find((t) => t.id === id)?.name ?? 'Unknown team',
    });
    return {
      team: {
        id: team.id,
        name: team.name,
        isActive: team.isActive,
        lead: personRef(team.leaderId),
        supervisor: team.supervisorId ? personRef(team.supervisorId) : null,
      },
      localDate: today,
      timeZone,
      today: { ...figures, pending: Math.max(0, figures.expected - figures.submitted) },
      pendingMoves: transfers.map((transfer) => ({
        transferId: transfer.id,
        effectiveOn: localDateOf(transfer.effectiveOn),
        fromTeam: teamRef(transfer.fromTeamId),
        toTeam: teamRef(transfer.toTeamId),
        person: personRef(transfer.personId),
        direction: transfer.toTeamId === team.id ? ('joining' as const) : ('leaving' as const),
      })),
    };
  });
}
