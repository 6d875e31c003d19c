import { localDateOf, type Person, type ReadTx, type Team, type TeamTransfer } from '@aegira/db';
import { ROLES } from '@aegira/events';
import { z } from 'zod';
import { readinessLevelOutput } from '../check-in/check-in-dto.ts';
import { activeMemberCounts } from './membership.ts';

export const personRefOutput = z.object({ id: z.uuid(), name: z.string() });
export const teamRefOutput = z.object({ id: z.uuid(), name: z.string() });

export const teamOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  leader: personRefOutput,
  supervisor: personRefOutput.nullable(),
  windowStart: z.string(),
  windowEnd: z.string(),
  workDays: z.array(z.number().int()),
  isActive: z.boolean(),
  deactivatedAt: z.iso.datetime().nullable(),
  deactivationReason: z.string().nullable(),
  /** Active people whose team this is today (a move whose day has come counts). */
  memberCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The id of the team's last event: send it back as expectedVersion when editing. */
  version: z.uuid(),
});
export type TeamDto = z.infer<typeof teamOutput>;

export const transferOutput = z.object({
  id: z.uuid(),
  person: personRefOutput,
  fromTeam: teamRefOutput,
  toTeam: teamRefOutput,
  effectiveOn: z.iso.date(),
  status: z.enum(['PENDING', 'COMPLETED', 'CANCELLED']),
});
export type TransferDto = z.infer<typeof transferOutput>;

/** Where a member stands today: what a lead's live view shows. */
export const memberTodayOutput = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('checked_in'),
    checkInId: z.uuid(),
    readinessScore: z.number().int(),
    level: readinessLevelOutput,
    isLate: z.boolean(),
    minutesLate: z.number().int(),
    submittedAt: z.iso.datetime(),
  }),
  z.object({ status: z.literal('not_yet'), windowOpensAt: z.string(), windowClosesAt: z.string() }),
  z.object({
    status: z.literal('late'),
    windowClosesAt: z.string(),
    minutesLate: z.number().int(),
  }),
  z.object({
    status: z.literal('not_due'),
    reason: z.enum(['holiday', 'non_work_day', 'inactive']),
  }),
  /** Leave (not cancelled) covers today: not expected, though a check-in is still accepted. */
  z.object({
    status: z.literal('on_leave'),
    leaveId: z.uuid(),
    type: z.enum(['ANNUAL', 'SICK', 'OTHER']),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
  }),
  /** A miss of today is recorded and open (no late check-in, not excused). */
  z.object({
    status: z.literal('missed'),
    missId: z.uuid(),
    detectedAt: z.iso.datetime(),
    /** The window as the miss recorded it; null for a miss recorded without a snapshot. */
    windowClosesAt: z.string().nullable(),
  }),
]);
export type MemberTodayDto = z.infer<typeof memberTodayOutput>;

export const memberOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  isActive: z.boolean(),
  teamAssignedOn: z.iso.date().nullable(),
  /** A move to another team that has not taken effect yet. */
  pendingTransfer: transferOutput.nullable(),
  /** Null when the caller's role does not see live check-in status. */
  today: memberTodayOutput.nullable(),
});

export const teamDetailOutput = z.object({
  team: teamOutput,
  /** The company's local date and timezone that `today` refers to. */
  localDate: z.iso.date(),
  timeZone: z.string(),
  members: z.array(memberOutput),
  /** Workers moving into this team on a later day. */
  incomingTransfers: z.array(transferOutput),
});

export const assignmentOutput = z.object({
  /** 'assigned': a member from today; 'transfer_scheduled': moves on `effectiveOn`. */
  outcome: z.enum(['assigned', 'transfer_scheduled']),
  personId: z.uuid(),
  teamId: z.uuid(),
  effectiveOn: z.iso.date(),
  transfer: transferOutput.nullable(),
});
export type AssignmentDto = z.infer<typeof assignmentOutput>;

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}

async function namesOf(
  read: ReadTx,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const people = await read.person.findMany({
    where: { id: { in: wanted } },
    select: { id: true, firstName: true, lastName: true },
  });
  return new Map(people.map((person) => [person.id, fullName(person)]));
}

const ref = (names: Map<string, string>, id: string) => ({ id, name: names.get(id) ?? 'Unknown' });

export type MemberDto = z.infer<typeof memberOutput>;

/**
 * One member of `teamId` as a DTO: `transfers` are the pending moves shown on the page
 * (the member's own move away is theirs), `joinedOn` the day a due transfer brought them in.
 */
export function memberDtoOf(
  member: Pick<
    Person,
    'id' | 'firstName' | 'lastName' | 'email' | 'role' | 'isActive' | 'teamAssignedOn'
  >,
  teamId: string,
  transfers: readonly TransferDto[],
  today: MemberTodayDto | null,
  joinedOn: string | null = null,
): MemberDto {
  const assignedOn = member.teamAssignedOn ? localDateOf(member.teamAssignedOn) : null;
  return {
    id: member.id,
    name: fullName(member),
    email: member.email,
    role: member.role,
    isActive: member.isActive,
    teamAssignedOn: joinedOn ?? assignedOn,
    pendingTransfer:
      transfers.find(
        (transfer) => transfer.person.id === member.id && transfer.toTeam.id !== teamId,
      ) ?? null,
    today,
  };
}

/** One team row as a DTO, given its people's names and its active member count. */
export function teamDtoOf(team: Team, names: Map<string, string>, memberCount: number): TeamDto {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    leader: ref(names, team.leaderId),
    supervisor: team.supervisorId ? ref(names, team.supervisorId) : null,
    windowStart: team.windowStart,
    windowEnd: team.windowEnd,
    workDays: team.workDays,
    isActive: team.isActive,
    deactivatedAt: team.deactivatedAt?.toISOString() ?? null,
    deactivationReason: team.deactivationReason,
    memberCount,
    createdAt: team.createdAt.toISOString(),
    updatedAt: team.updatedAt.toISOString(),
    version: team.eventId,
  };
}

/**
 * Team rows as DTOs, with leader and supervisor names and the number of active
 * members on `today` (the company's local date): three queries.
 */
export async function toTeamDtos(
  read: ReadTx,
  teams: readonly Team[],
  today: string,
): Promise<TeamDto[]> {
  if (teams.length === 0) return [];
  const names = await namesOf(
    read,
    teams.flatMap((team) => [team.leaderId, team.supervisorId]),
  );
  const countOf = await activeMemberCounts(
    read,
    teams.map((team) => team.id),
    today,
  );
  return teams.map((team) => teamDtoOf(team, names, countOf.get(team.id) ?? 0));
}

export async function toTeamDto(read: ReadTx, team: Team, today: string): Promise<TeamDto> {
  const [dto] = await toTeamDtos(read, [team], today);
  if (!dto) throw new Error(`team ${team.id} produced no DTO`);
  return dto;
}

/** Transfer rows as DTOs, with person and team names. */
export async function toTransferDtos(
  read: ReadTx,
  transfers: readonly TeamTransfer[],
): Promise<TransferDto[]> {
  if (transfers.length === 0) return [];
  const names = await namesOf(
    read,
    transfers.map((transfer) => transfer.personId),
  );
  const teams = await read.team.findMany({
    where: {
      id: { in: transfers.flatMap((transfer) => [transfer.fromTeamId, transfer.toTeamId]) },
    },
    select: { id: true, name: true },
  });
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  return transfers.map((transfer) => ({
    id: transfer.id,
    person: ref(names, transfer.personId),
    fromTeam: ref(teamNames, transfer.fromTeamId),
    toTeam: ref(teamNames, transfer.toTeamId),
    effectiveOn: localDateOf(transfer.effectiveOn),
    status: transfer.status,
  }));
}

export async function toTransferDto(read: ReadTx, transfer: TeamTransfer): Promise<TransferDto> {
  const [dto] = await toTransferDtos(read, [transfer]);
  if (!dto) throw new Error(`transfer ${transfer.id} produced no DTO`);
  return dto;
}
