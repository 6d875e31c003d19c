import { localDateOf, type Prisma, type Tx, withTenant } from '@aegira/db';
import { toLocalTime } from '@aegira/domain';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../trpc/context.ts';
import { readableTeamFilter, seesMemberCheckInStatus } from '../access-policy.ts';
import { applyDueTransfers } from './due-transfers.ts';
import { membersToday } from './member-today.ts';
import { fullName, type TeamDto, toTeamDto, toTeamDtos, toTransferDtos } from './team-dto.ts';
import type { TeamServiceDeps } from './team-service.ts';

async function teamFilterFor(tx: Tx, actor: Actor): Promise<Prisma.TeamWhereInput> {
  const readable = await readableTeamFilter(tx, actor);
  if (!readable) throw new AppError('FORBIDDEN', 'Your role does not give access to teams.');
  return readable;
}

/** LIKE treats % and _ as wildcards; a search for "50%" means the characters. */
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The teams the actor may see (access policy), by name, with counts and names. */
export async function listTeams(
  deps: TeamServiceDeps,
  actor: Actor,
  request: { active: boolean; search?: string | undefined },
): Promise<{ items: TeamDto[] }> {
  // Member counts are today's: a transfer taking effect today has moved its person.
  await applyDueTransfers(deps.db, actor.companyId, deps.now?.() ?? new Date());
  return withTenant(deps.db, actor.companyId, async (tx) => {
    const readable = await teamFilterFor(tx, actor);
    const rows = await tx.team.findMany({
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
    return { items: await toTeamDtos(tx, rows) };
  });
}

/**
 * One team with its members and, for those who run teams, each member's
 * check-in status of today. A team outside the actor's scope is NOT_FOUND,
 * exactly like one that does not exist.
 */
export async function getTeam(deps: TeamServiceDeps, actor: Actor, request: { id: string }) {
  const now = deps.now?.() ?? new Date();
  await applyDueTransfers(deps.db, actor.companyId, now);
  return withTenant(deps.db, actor.companyId, async (tx) => {
    const readable = await teamFilterFor(tx, actor);
    const team = await tx.team.findFirst({ where: { AND: [readable, { id: request.id }] } });
    if (!team) throw new AppError('NOT_FOUND', 'No team with that id is visible to you.');
    const members = await tx.person.findMany({
      where: { teamId: team.id },
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
    });
    const pending = await tx.teamTransfer.findMany({
      where: {
        status: 'PENDING',
        OR: [{ personId: { in: members.map((member) => member.id) } }, { toTeamId: team.id }],
      },
      orderBy: [{ effectiveOn: 'asc' }, { createdAt: 'asc' }],
    });
    const transfers = await toTransferDtos(tx, pending);
    const company = await tx.company.findUniqueOrThrow({ where: { id: actor.companyId } });
    const today = seesMemberCheckInStatus(actor)
      ? await membersToday(tx, team, members, now, company.timezone)
      : null;
    return {
      team: await toTeamDto(tx, team),
      localDate: toLocalTime(now, company.timezone).date,
      timeZone: company.timezone,
      members: members.map((member) => ({
        id: member.id,
        name: fullName(member),
        email: member.email,
        role: member.role,
        isActive: member.isActive,
        teamAssignedOn: member.teamAssignedOn ? localDateOf(member.teamAssignedOn) : null,
        pendingTransfer:
          transfers.find(
            (transfer) => transfer.person.id === member.id && transfer.toTeam.id !== team.id,
          ) ?? null,
        today: today?.get(member.id) ?? null,
      })),
      incomingTransfers: transfers.filter((transfer) => transfer.toTeam.id === team.id),
    };
  });
}
