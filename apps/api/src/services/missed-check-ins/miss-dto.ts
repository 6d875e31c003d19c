import { localDateOf, type MissedCheckIn, type ReadTx } from '@aegira/db';
import { z } from 'zod';
import { fullName } from '../teams/team-dto.ts';

export const MISS_STATES = ['open', 'resolved', 'excused'] as const;
export type MissState = (typeof MISS_STATES)[number];

export const missOutput = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  /** The team of the day that was missed. */
  teamId: z.uuid(),
  teamName: z.string(),
  localDate: z.iso.date(),
  /** open; resolved by a late check-in that day; excused by a lead or an admin. */
  state: z.enum(MISS_STATES),
  detectedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  resolvedByCheckInId: z.uuid().nullable(),
  excusedAt: z.iso.datetime().nullable(),
  excusedById: z.uuid().nullable(),
  excuseReason: z.string().nullable(),
  /** What was true when the miss was recorded; null for misses recorded before snapshots existed. */
  snapshot: z
    .object({
      windowStart: z.string(),
      windowEnd: z.string(),
      leadId: z.uuid().nullable(),
      streakBefore: z.number().int(),
      missesLast30Days: z.number().int(),
    })
    .nullable(),
});
export type MissDto = z.infer<typeof missOutput>;

export function stateOf(miss: Pick<MissedCheckIn, 'resolvedAt' | 'excusedAt'>): MissState {
  if (miss.resolvedAt) return 'resolved';
  if (miss.excusedAt) return 'excused';
  return 'open';
}

function snapshotOf(miss: MissedCheckIn): MissDto['snapshot'] {
  const { windowStart, windowEnd, streakBefore, missesLast30Days } = miss;
  if (windowStart === null || windowEnd === null || streakBefore === null) return null;
  if (missesLast30Days === null) return null;
  return { windowStart, windowEnd, leadId: miss.leadId, streakBefore, missesLast30Days };
}

/** Miss rows as DTOs, with person and team names: two queries. */
export async function toMissDtos(read: ReadTx, rows: readonly MissedCheckIn[]): Promise<MissDto[]> {
  if (rows.length === 0) return [];
  const people = await read.person.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.personId))] } },
    select: { id: true, firstName: true, lastName: true },
  });
  const teams = await read.team.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.teamId))] } },
    select: { id: true, name: true },
  });
  const personNames = new Map(people.map((person) => [person.id, fullName(person)]));
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  return rows.map((row) => ({
    id: row.id,
    personId: row.personId,
    personName: personNames.get(row.personId) ?? 'Unknown person',
    teamId: row.teamId,
    teamName: teamNames.get(row.teamId) ?? 'Unknown team',
    localDate: localDateOf(row.localDate),
    state: stateOf(row),
    detectedAt: row.detectedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedByCheckInId: row.resolvedByCheckInId,
    excusedAt: row.excusedAt?.toISOString() ?? null,
    excusedById: row.excusedById,
    excuseReason: row.excuseReason,
    snapshot: snapshotOf(row),
  }));
}

export async function toMissDto(read: ReadTx, row: MissedCheckIn): Promise<MissDto> {
  const [dto] = await toMissDtos(read, [row]);
  if (!dto) throw new Error(`miss ${row.id} produced no DTO`);
  return dto;
}
