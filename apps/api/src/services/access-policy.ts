import { Prisma, type ReadTx } from '@aegira/db';
import { AppError } from '../errors/app-error.ts';
import type { Actor } from './actor.ts';
import { companyToday } from './people/person-rules.ts';
import { memberIdsOn, teamOfPersonOn } from './teams/membership.ts';

/**
 * The one place that decides what a person may read (product.md "Roles"): first
 * the company (row-level security, from the session), then the role. Handlers and
 * services ask here; none re-implements the rule.
 */
export type TeamScope = { kind: 'all' } | { kind: 'teams'; teamIds: string[] } | { kind: 'self' };

/** Which teams' data the actor may read. */
export async function teamScopeOf(read: ReadTx, actor: Actor): Promise<TeamScope> {
  switch (actor.role) {
    case 'ADMIN':
    case 'WHS':
      return { kind: 'all' };
    case 'TEAM_LEAD': {
      const teams = await read.team.findMany({
        where: { leaderId: actor.personId, isActive: true },
        select: { id: true },
      });
      return { kind: 'teams', teamIds: teams.map((team) => team.id) };
    }
    case 'SUPERVISOR': {
      const teams = await read.team.findMany({
        where: { supervisorId: actor.personId },
        select: { id: true },
      });
      return { kind: 'teams', teamIds: teams.map((team) => team.id) };
    }
    case 'WORKER':
      return { kind: 'self' };
    default: {
      const unreachable: never = actor.role;
      return unreachable;
    }
  }
}

/** A Prisma filter for check-in-like rows (personId + teamId) the actor may read. */
export async function readableCheckInFilter(
  read: ReadTx,
  actor: Actor,
): Promise<{ personId?: string; OR?: Array<{ personId?: string; teamId?: { in: string[] } }> }> {
  const scope = await teamScopeOf(read, actor);
  switch (scope.kind) {
    case 'all':
      return {};
    case 'teams':
      // Their own rows too, should a lead or supervisor ever check in.
      return { OR: [{ personId: actor.personId }, { teamId: { in: scope.teamIds } }] };
    case 'self':
      return { personId: actor.personId };
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

/**
 * Which people the actor may read, as a Prisma filter, or null when the role may
 * not read other people at all (a WORKER sees only their own profile). A lead or
 * supervisor sees the members of their teams as of the company's local date of
 * `now` (a worker moved away leaves their view at midnight, before any command
 * completes the move), the leads of those teams, and themselves.
 */
export async function readablePersonFilter(
  read: ReadTx,
  actor: Actor,
  now: Date,
): Promise<Prisma.PersonWhereInput | null> {
  const scope = await teamScopeOf(read, actor);
  switch (scope.kind) {
    case 'all':
      return {};
    case 'teams': {
      const teams = await read.team.findMany({
        where: { id: { in: scope.teamIds } },
        select: { leaderId: true },
      });
      const today = await companyToday(read, actor.companyId, now);
      const members = await memberIdsOn(read, scope.teamIds, today);
      return {
        id: { in: [actor.personId, ...members, ...teams.map((team) => team.leaderId)] },
      };
    }
    case 'self':
      return null;
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

/**
 * Which teams the actor may see in team views, as a Prisma filter, or null when
 * the role does not read teams (a WORKER). Admins and WHS see every team, a
 * supervisor the teams they supervise, a lead their own active team: the teams
 * teamScopeOf names, as a condition on the team row itself, so reading one team
 * costs no query of the scope first.
 */
export function readableTeamFilter(actor: Actor): Prisma.TeamWhereInput | null {
  switch (actor.role) {
    case 'ADMIN':
    case 'WHS':
      return {};
    case 'TEAM_LEAD':
      return { leaderId: actor.personId, isActive: true };
    case 'SUPERVISOR':
      return { supervisorId: actor.personId };
    case 'WORKER':
      return null;
    default: {
      const unreachable: never = actor.role;
      return unreachable;
    }
  }
}

/**
 * readableTeamFilter as an SQL condition on a `teams` row aliased `t`, for reads that
 * answer in one statement (the roster). The same rule, side by side: change both.
 */
export function readableTeamSql(actor: Actor): Prisma.Sql | null {
  switch (actor.role) {
    case 'ADMIN':
    case 'WHS':
      return Prisma.sql`true`;
    case 'TEAM_LEAD':
      return Prisma.sql`t.leader_id = ${actor.personId}::uuid AND t.is_active`;
    case 'SUPERVISOR':
      return Prisma.sql`t.supervisor_id = ${actor.personId}::uuid`;
    case 'WORKER':
      return null;
    default: {
      const unreachable: never = actor.role;
      return unreachable;
    }
  }
}

/**
 * Whether team views show each member's check-in status of today: the people
 * who run the teams (admins, supervisors, leads). WHS follows incidents, not
 * the daily roll call; workers do not read teams.
 */
export function seesMemberCheckInStatus(actor: Actor): boolean {
  switch (actor.role) {
    case 'ADMIN':
    case 'SUPERVISOR':
    case 'TEAM_LEAD':
      return true;
    case 'WHS':
    case 'WORKER':
      return false;
    default: {
      const unreachable: never = actor.role;
      return unreachable;
    }
  }
}

/**
 * Which people's leave the actor may read, as a Prisma filter on leave rows
 * (product.md "Leave and excused misses"): a worker their own, a lead or
 * supervisor the members of their teams as of the company's local date of
 * `now`, WHS and admins everyone. Leave carries no team, so today's team decides.
 */
export async function readableLeaveFilter(
  read: ReadTx,
  actor: Actor,
  now: Date,
): Promise<Prisma.LeaveWhereInput> {
  const scope = await teamScopeOf(read, actor);
  switch (scope.kind) {
    case 'all':
      return {};
    case 'teams': {
      const today = await companyToday(read, actor.companyId, now);
      const members = await memberIdsOn(read, scope.teamIds, today);
      return { personId: { in: [actor.personId, ...members] } };
    }
    case 'self':
      return { personId: actor.personId };
    default: {
      const unreachable: never = scope;
      return unreachable;
    }
  }
}

/** Missed check-ins carry the person and the team of their day, like check-ins. */
export const readableMissFilter = readableCheckInFilter;

/**
 * Whom the actor may act for in the daily loop (recording and cancelling leave,
 * excusing a miss): an admin for anyone, a team lead for the team they lead,
 * nobody else.
 */
export type ActingScope = { kind: 'all' } | { kind: 'teams'; teamIds: string[] };

/** The actor's acting scope, or FORBIDDEN (naming who may) for the other roles. */
export async function actingScopeOf(
  read: ReadTx,
  actor: Actor,
  action: string,
): Promise<ActingScope> {
  switch (actor.role) {
    case 'ADMIN':
      return { kind: 'all' };
    case 'TEAM_LEAD': {
      const scope = await teamScopeOf(read, actor);
      return scope.kind === 'teams' ? scope : { kind: 'teams', teamIds: [] };
    }
    case 'WHS':
    case 'SUPERVISOR':
    case 'WORKER':
      throw new AppError(
        'FORBIDDEN',
        `Only an admin, or a team lead for the members of their team, can ${action}.`,
      );
    default: {
      const unreachable: never = actor.role;
      return unreachable;
    }
  }
}

/**
 * Refuses unless the actor may act for `person`: a lead only while the person
 * belongs to the team they lead on `today` (the company's local date; a move
 * whose day has come counts, services/teams/membership.ts).
 */
export async function requireActsForPerson(
  read: ReadTx,
  scope: ActingScope,
  person: { id: string; name: string },
  today: string,
  action: string,
): Promise<void> {
  if (scope.kind === 'all') return;
  const teamId = await teamOfPersonOn(read, person.id, today);
  if (teamId !== null && scope.teamIds.includes(teamId)) return;
  throw new AppError(
    'FORBIDDEN',
    `${person.name} is not a member of the team you lead today; only an admin can ${action} for them.`,
  );
}

/** Refuses unless the actor may act on a record of `teamId` (a miss belongs to the team of its day). */
export function requireActsForTeam(scope: ActingScope, teamId: string, action: string): void {
  if (scope.kind === 'all' || scope.teamIds.includes(teamId)) return;
  throw new AppError(
    'FORBIDDEN',
    `This belongs to a team you do not lead; only its team lead or an admin can ${action}.`,
  );
}
