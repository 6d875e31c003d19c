import type { ReadTx, Team } from '@aegira/db';
import { addDays, toLocalTime } from '@aegira/domain';
import { AppError } from '../../errors/app-error.ts';
import { readableTeamFilter, teamScopeOf } from '../access-policy.ts';
import type { Actor } from '../actor.ts';

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

/** One team the actor may read, or NOT_FOUND exactly as for a team that does not exist. */
export async function readableTeam(read: ReadTx, actor: Actor, teamId: string): Promise<Team> {
  const readable = await readableTeamFilter(read, actor);
  if (!readable) throw new AppError('FORBIDDEN', 'Your role does not give access to teams.');
  const team = await read.team.findFirst({ where: { AND: [readable, { id: teamId }] } });
  if (!team) throw new AppError('NOT_FOUND', 'No team with that id is visible to you.');
  return team;
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
