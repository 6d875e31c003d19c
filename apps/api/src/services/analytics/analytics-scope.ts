import { type DirectRead, modelOf, Prisma, type ReadTx, type RowOf, type Team } from '@aegira/db';
import { addDays, toLocalTime } from '@aegira/domain';
import { AppError } from '../../errors/app-error.ts';
import { readableTeamSql, teamScopeOf } from '../access-policy.ts';
import type { Actor } from '../actor.ts';
import { teamJson } from '../teams/team-row-sql.ts';

// Who may read which team's figures comes from the access policy, never from
// input: a lead their team, a supervisor theirs, admins and WHS every team.

export interface CompanyClock {
  timeZone: string;
  today: string;
}

export async function companyClockOf(read: ReadTx, actor: Actor, now: Date): Promise<CompanyClock> {
  const company = await read.company.findUniqueOrThrow({ where: { id: actor.companyId } });
  return { timeZone: company.timezone, today: toLocalTime(now, company.timezone).date };
}

/**
 * One team the actor may read (NOT_FOUND exactly as for a team that does not exist) and the
 * company's clock, in one statement (issue 10, P2: each statement costs its round trip).
 */
export async function readableTeamOnClock(
  read: DirectRead,
  actor: Actor,
  teamId: string,
  now: Date,
): Promise<{ team: Team; clock: CompanyClock }> {
  const visible = readableTeamSql(actor);
  if (!visible) throw new AppError('FORBIDDEN', 'Your role does not give access to teams.');
  const [row] = await read.rows<{ timezone: string; team: RowOf<Team> | null }>(Prisma.sql`
    SELECT c.timezone,
           (SELECT ${teamJson('t')} FROM teams t WHERE t.id = ${teamId}::uuid AND (${visible})) AS team
    FROM companies c WHERE c.id = ${actor.companyId}::uuid`);
  if (!row) throw new Error(`company ${actor.companyId} is not readable`);
  if (!row.team) throw new AppError('NOT_FOUND', 'No team with that id is visible to you.');
  return {
    team: modelOf.team(row.team),
    clock: { timeZone: row.timezone, today: toLocalTime(now, row.timezone).date },
  };
}

/** The ids of the teams the actor may read, or null for every team of the company. */
export async function readableTeamIds(read: ReadTx, actor: Actor): Promise<string[] | null> {
  const scope = await teamScopeOf(read, actor);
  switch (scope.kind) {
    case 'all':
      return null;
    case 'teams':
      return scope.teamIds;
    case 'self':
      throw new AppError('FORBIDDEN', 'Your role does not give access to teams.');
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

/** The company-local first day of a team. */
export function firstDayOf(team: Pick<Team, 'createdAt'>, timeZone: string): string {
  return toLocalTime(team.createdAt, timeZone).date;
}

/** Every local date from `from` to `to`, inclusive. */
export function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}
