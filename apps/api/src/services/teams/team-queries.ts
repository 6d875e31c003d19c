import { dateColumn, type Prisma, type ReadTx, withTenant } from '@aegira/db';
import { toLocalTime } from '@aegira/domain';
import { AppError } from '../../errors/app-error.ts';
import { readableTeamFilter, seesMemberCheckInStatus } from '../access-policy.ts';
import type { Actor, ServiceDeps } from '../actor.ts';
import { type AsOfRequest, resolveAsOf } from '../as-of/resolve-as-of.ts';
import { membersToday } from './member-today.ts';
import { joinedByDueTransferOn, memberIdsOn } from './membership.ts';
import { teamAsOf } from './team-as-of.ts';
import { memberDtoOf, type TeamDto, toTeamDto, toTeamDtos, toTransferDtos } from './team-dto.ts';

// Queries only read: a transfer whose day has come shows as done (membership.ts)
// although no command has completed it yet (docs/decisions/009).

async function teamFilterFor(read: ReadTx, actor: Actor): Promise<Prisma.TeamWhereInput> {
  const readable = await readableTeamFilter(read, actor);
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
    const readable = await teamFilterFor(read, actor);
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
 * exactly like one that does not exist.
 */
export async function getTeam(
  deps: ServiceDeps,
  actor: Actor,
  request: { id: string; asOf?: AsOfRequest | undefined },
) {
  const now = deps.now?.() ?? new Date();
  return withTenant(deps.db, actor.companyId, async (read) => {
    const readable = await teamFilterFor(read, actor);
    const team = await read.team.findFirst({ where: { AND: [readable, { id: request.id }] } });
    if (!team) throw new AppError('NOT_FOUND', 'No team with that id is visible to you.');
    // As of a past point: only a team the caller may read today (asOf never widens access).
    if (request.asOf) {
      const entity = { entityType: 'team', entityId: team.id } as const;
      return teamAsOf(read, actor, team.id, await resolveAsOf(read, actor, request.asOf, entity));
    }
    const { timeZone, today } = await companyClock(read, actor, now);
    const memberIds = await memberIdsOn(read, [team.id], today);
    const members = await read.person.findMany({
      where: { id: { in: memberIds } },
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
    });
    const joinedOn = await joinedByDueTransferOn(read, team.id, memberIds, today);
    // Moves still to come; those whose day has come are already in `members`.
    const upcoming = await read.teamTransfer.findMany({
      where: {
        status: 'PENDING',
        effectiveOn: { gt: dateColumn(today) },
        OR: [{ personId: { in: memberIds } }, { toTeamId: team.id }],
      },
      orderBy: [{ effectiveOn: 'asc' }, { createdAt: 'asc' }],
    });
    const transfers = await toTransferDtos(read, upcoming);
    const checkInStatus = seesMemberCheckInStatus(actor)
      ? await membersToday(read, team, members, now, timeZone)
      : null;
    return {
      team: await toTeamDto(read, team, today),
      localDate: today,
      timeZone,
      members: members.map((member) =>
        memberDtoOf(
          member,
          team.id,
          transfers,
          checkInStatus?.get(member.id) ?? null,
          joinedOn.get(member.id),
        ),
      ),
      incomingTransfers: transfers.filter((transfer) => transfer.toTeam.id === team.id),
      asOf: null,
    };
  });
}
