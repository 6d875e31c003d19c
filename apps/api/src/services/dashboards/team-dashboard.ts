import { type ReadTx, sqlOf, type Team, withTenant } from '@aegira/db';
import type { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type {
  teamDashboardInput,
  teamDashboardOutput,
} from '../../modules/dashboards/dashboard-schemas.ts';
import { teamScopeOf } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { fullName, readableTeamOnClock } from '../analytics/analytics-scope.ts';
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

interface PendingMove {
  id: string;
  person_id: string;
  from_team_id: string;
  from_team_name: string | null;
  to_team_id: string;
  to_team_name: string | null;
  effective_on: string;
}

/**
 * Moves into or out of the team after `today`, soonest first, with the names of the
 * team's lead, supervisor and the people moving: one statement (issue 10, P2).
 */
async function pendingMovesOf(read: ReadTx, team: Team, today: string) {
  const [row] = await read.$queryRaw<Array<{ people: PersonName[]; moves: PendingMove[] }>>`
    WITH moves AS (
      SELECT t.id, t.person_id, t.from_team_id, ft.name AS from_team_name,
             t.to_team_id, tt.name AS to_team_name, t.effective_on::text AS effective_on,
             t.created_at
      FROM team_transfers t
      LEFT JOIN teams ft ON ft.id = t.from_team_id
      LEFT JOIN teams tt ON tt.id = t.to_team_id
      WHERE t.status = 'PENDING' AND t.effective_on > ${today}::date
        AND (t.from_team_id = ${team.id}::uuid OR t.to_team_id = ${team.id}::uuid)
    )
    SELECT
      (SELECT COALESCE(json_agg(json_build_object(
                'id', p.id, 'firstName', p.first_name, 'lastName', p.last_name)), '[]')
       FROM persons p
       WHERE p.id = ANY(${[team.leaderId, ...(team.supervisorId ? [team.supervisorId] : [])]}::uuid[])
          OR p.id IN (SELECT person_id FROM moves)) AS people,
      (SELECT COALESCE(json_agg(json_build_object(
                'id', m.id, 'person_id', m.person_id, 'from_team_id', m.from_team_id,
                'from_team_name', m.from_team_name, 'to_team_id', m.to_team_id,
                'to_team_name', m.to_team_name, 'effective_on', m.effective_on)
              ORDER BY m.effective_on, m.created_at, m.id), '[]')
       FROM moves m) AS moves`;
  return { people: row?.people ?? [], moves: row?.moves ?? [] };
}

interface PersonName {
  id: string;
  firstName: string;
  lastName: string;
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
    const teamId = await teamIdFor(read, actor, input.teamId);
    const { team, clock } = await readableTeamOnClock(sqlOf(read), actor, teamId, now);
    const { timeZone, today } = clock;
    const rows = await teamDayRows(sqlOf(read), {
      from: today,
      to: today,
      now,
      teamIds: [team.id],
    });
    const { averageSubmitTime: _time, ...figures } = figuresOf(rows);
    const { people, moves } = await pendingMovesOf(read, team, today);
    const personRef = (id: string) => {
      const person = people.find((p) => p.id === id);
      return { id, name: person ? fullName(person) : 'Unknown person' };
    };
    const teamRef = (id: string, name: string | null) => ({ id, name: name ?? 'Unknown team' });
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
      pendingMoves: moves.map((move) => ({
        transferId: move.id,
        effectiveOn: move.effective_on,
        fromTeam: teamRef(move.from_team_id, move.from_team_name),
        toTeam: teamRef(move.to_team_id, move.to_team_name),
        person: personRef(move.person_id),
        direction: move.to_team_id === team.id ? ('joining' as const) : ('leaving' as const),
      })),
    };
  });
}
