import { dateColumn, localDateOf, type Person, type ReadTx, type Team } from '@aegira/db';
import { toLocalTime } from '@aegira/domain';
import { ROLES } from '@aegira/events';
import { z } from 'zod';
import { type TransferDto, toTransferDto, transferOutput } from '../teams/team-dto.ts';

/**
 * A person as clients see them. Built field by field from the row, so the
 * token version (or anything added to the row later) never leaks into a response.
 */
export const personOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(ROLES),
  phone: z.string().nullable(),
  team: z.object({ id: z.uuid(), name: z.string(), isActive: z.boolean() }).nullable(),
  teamAssignedOn: z.iso.date().nullable(),
  /** The active team a TEAM_LEAD leads (leads are not members of it). */
  leads: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Personal schedule; null fields and empty workDays mean "the team's". */
  scheduleOverride: z.object({
    windowStart: z.string().nullable(),
    windowEnd: z.string().nullable(),
    workDays: z.array(z.number().int()),
  }),
  isActive: z.boolean(),
  deactivatedAt: z.iso.datetime().nullable(),
  deactivatedById: z.uuid().nullable(),
  deactivationReason: z.string().nullable(),
  /** When their health data was erased (decision 039); null if never. */
  erasedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The id of the person's last event: send it back as expectedVersion when editing. */
  version: z.uuid(),
});
export type PersonDto = z.infer<typeof personOutput>;

/** One person's page: the person and a team move not yet in effect (cancellable there). */
export const personDetailOutput = personOutput.extend({
  pendingTransfer: transferOutput.nullable(),
});
export type PersonDetailDto = z.infer<typeof personDetailOutput>;

type TeamSummary = Pick<Team, 'id' | 'name' | 'isActive'>;

export function toPersonDto(
  row: Person,
  team: TeamSummary | null,
  leads: { id: string; name: string } | null = null,
): PersonDto {
  return {
    id: row.id,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    role: row.role,
    phone: row.phone,
    team: team ? { id: team.id, name: team.name, isActive: team.isActive } : null,
    teamAssignedOn: row.teamAssignedOn ? localDateOf(row.teamAssignedOn) : null,
    leads,
    scheduleOverride: {
      windowStart: row.windowStart,
      windowEnd: row.windowEnd,
      workDays: row.workDays,
    },
    isActive: row.isActive,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    deactivatedById: row.deactivatedById,
    deactivationReason: row.deactivationReason,
    erasedAt: row.erasedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.eventId,
  };
}

/**
 * People as of the company's day of `now`: a pending transfer whose day has come counts as done
 * (reads never write; docs/decisions/009), so the DTO shows the new team from
 * midnight although the row still names the old one until a command completes it.
 */
async function asOfToday(read: ReadTx, rows: Person[], now: Date): Promise<Person[]> {
  // Row-level security shows only the bound company, whose day it is.
  const company = await read.company.findFirstOrThrow({ select: { timezone: true } });
  const today = toLocalTime(now, company.timezone).date;
  const due = await read.teamTransfer.findMany({
    where: {
      personId: { in: rows.map((row) => row.id) },
      status: 'PENDING',
      effectiveOn: { lte: dateColumn(today) },
    },
    select: { personId: true, toTeamId: true, effectiveOn: true },
  });
  if (due.length === 0) return rows;
  const moved = new Map(due.map((transfer) => [transfer.personId, transfer]));
  return rows.map((row) => {
    const transfer = moved.get(row.id);
    return transfer
      ? { ...row, teamId: transfer.toTeamId, teamAssignedOn: transfer.effectiveOn }
      : row;
  });
}

/** DTOs for a page of people as of the day of `now`, with their teams and led teams. */
export async function personDtosOf(
  read: ReadTx,
  stored: Person[],
  now: Date,
): Promise<PersonDto[]> {
  const rows = await asOfToday(read, stored, now);
  const teamIds = [...new Set(rows.flatMap((row) => (row.teamId ? [row.teamId] : [])))];
  const teams = await read.team.findMany({
    where: { id: { in: teamIds } },
    select: { id: true, name: true, isActive: true },
  });
  const byId = new Map(teams.map((team) => [team.id, team]));
  const led = await read.team.findMany({
    where: { leaderId: { in: rows.map((row) => row.id) }, isActive: true },
    select: { id: true, name: true, leaderId: true },
  });
  const ledBy = new Map(led.map((team) => [team.leaderId, { id: team.id, name: team.name }]));
  return rows.map((row) =>
    toPersonDto(row, row.teamId ? (byId.get(row.teamId) ?? null) : null, ledBy.get(row.id) ?? null),
  );
}

export async function personDtoOf(read: ReadTx, row: Person, now: Date): Promise<PersonDto> {
  const [dto] = await personDtosOf(read, [row], now);
  if (!dto) throw new Error('personDtosOf returned no DTO for one row');
  return dto;
}

/** The person with their pending move, if its day has not come yet (as of `now`). */
export async function personDetailOf(
  read: ReadTx,
  row: Person,
  now: Date,
): Promise<PersonDetailDto> {
  const dto = await personDtoOf(read, row, now);
  const company = await read.company.findFirstOrThrow({ select: { timezone: true } });
  const today = toLocalTime(now, company.timezone).date;
  const pending = await read.teamTransfer.findFirst({
    where: { personId: row.id, status: 'PENDING', effectiveOn: { gt: dateColumn(today) } },
  });
  const pendingTransfer: TransferDto | null = pending ? await toTransferDto(read, pending) : null;
  return { ...dto, pendingTransfer };
}
