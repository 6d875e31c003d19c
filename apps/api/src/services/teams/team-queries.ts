import { type Prisma, type ReadTx, withTenant } from '@aegira/db';
import { toLocalTime } from '@aegira/domain';
import { AppError } from '../../errors/app-error.ts';
import { readableTeamFilter, readableTeamSql, seesMemberCheckInStatus } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { type AsOfRequest, resolveAsOf } from '../as-of/resolve-as-of.ts';
import { type MemberDay, memberToday } from './member-today.ts';
import { teamAsOf } from './team-as-of.ts';
import { memberDtoOf, type TeamDto, teamDtoOf, toTeamDtos } from './team-dto.ts';
import { teamRoster } from './team-roster.ts';

// Queries only read: a transfer whose day has come shows as done (membership.ts)
// although no command has completed it yet (docs/decisions/009).

function teamFilterFor(actor: Actor): Prisma.TeamWhereInput {
  const readable = readableTeamFilter(actor);
  if (!readable) throw new AppError('FORBIDDEN', 'Your role does not give access to teams.');
  return readable;
}

/** LIKE treats % and _ as wildcards; a search for "50%" means the characters. */
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

async function companyClock(read: ReadTx, actor: Actor, now: Date) {
  const company = await read.company.findUniqueOrThrow({ where: { id: actor.companyId } });
  return { timeZone: company.timezone, today: toLocalTime(now, company.timezone).date };
}

/** The teams the actor may see (access policy), by name, with today's member counts and names. */
export async function listTeams(
  deps: ServiceDeps,
  actor: Actor,
  request: { active: boolean; search?: string | undefined },
): Promise<{ items: TeamDto[] }> {
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (read) => {
    const readable = teamFilterFor(actor);
    const rows = await read.team.findMany({
      where: {
        AND: [
          readable,
          { isActive: request.active },
          request.search
            ? { name: { contains: likeEscaped(request.search), mode: 'insensitive' } }
            : {},
        ],
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    const { today } = await companyClock(read, actor, now);
    return { items: await toTeamDtos(read, rows, today) };
  });
}

/**
 * One team with its members of today and, for those who run teams, each
 * member's check-in status. A team outside the actor's scope is NOT_FOUND,
 * exactly like one that does not exist. One statement (team-roster.ts).
 */
export async function getTeam(
  deps: ServiceDeps,
  actor: Actor,
  request: { id: string; asOf?: AsOfRequest | undefined },
) {
  const now = deps.now?.() ?? new Date();
  const { asOf } = request;
  // As of a past point: only a team the caller may read today (asOf never widens access).
  if (asOf) {
    return withTenant(deps.db, actor.companyId, async (read) => {
      const team = await read.team.findFirst({
        where: { AND: [teamFilterFor(actor), { id: request.id }] },
      });
      if (!team) throw notVisible();
      const entity = { entityType: 'team', entityId: team.id } as const;
      return teamAsOf(read, actor, team.id, await resolveAsOf(read, actor, asOf, entity));
    });
  }
  const visible = readableTeamSql(actor);
  if (!visible) throw new AppError('FORBIDDEN', 'Your role does not give access to teams.');
  const withStatus = seesMemberCheckInStatus(actor);
  const roster = { teamId: request.id, visible, now, withStatus };
  let found = await teamRoster(deps.db, actor.companyId, { ...roster, today: null });
  if (!found) throw notVisible();
  // The local date is the domain's (toLocalTime); PostgreSQL's own conversion only saves
  // a statement, and should its time zone data ever disagree, the domain's date is read.
  const local = toLocalTime(now, found.timeZone);
  if (local.date !== found.today)
    found = await teamRoster(deps.db, actor.companyId, { ...roster, today: local.date });
  if (!found) throw notVisible();
  const { team, timeZone, transfers } = found;
  const memberDay: MemberDay = { now, timeZone, local, holidays: found.holidays, team };
  return {
    team: teamDtoOf(team, found.names, found.memberCount),
    localDate: local.date,
    timeZone,
    members: found.members.map(({ person, joinedOn, records }) =>
      memberDtoOf(
        person,
        team.id,
        transfers,
        records ? memberToday(memberDay, person, records) : null,
        joinedOn,
      ),
    ),
    incomingTransfers: transfers.filter((transfer) => transfer.toTeam.id === team.id),
    asOf: null,
  };
}

function notVisible(): AppError {
  return new AppError('NOT_FOUND', 'No team with that id is visible to you.');
}
