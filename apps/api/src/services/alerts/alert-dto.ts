import { type Countermeasure, localDateOf, type ReadinessAlert, type ReadTx } from '@aegira/db';
import { z } from 'zod';
import { fullName } from '../teams/team-dto.ts';

export const COUNTERMEASURE_TYPES = [
  'LIGHTER_TASK',
  'EXTRA_BREAKS',
  'BUDDY_SYSTEM',
  'SENT_HOME',
  'MONITORED',
  'OTHER',
] as const;

/** open: nothing recorded yet (it may have escalated); handled: at least one countermeasure. */
export const ALERT_STATES = ['open', 'handled'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const countermeasureOutput = z.object({
  id: z.uuid(),
  type: z.enum(COUNTERMEASURE_TYPES),
  note: z.string().nullable(), // null once the person's data was erased (decision 039)
  recordedById: z.uuid(),
  recordedByName: z.string(),
  recordedAt: z.iso.datetime(),
});

export const alertOutput = z.object({
  id: z.uuid(),
  checkInId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  /** The team of the check-in's day. */
  teamId: z.uuid(),
  teamName: z.string(),
  localDate: z.iso.date(),
  readinessScore: z.number().int(),
  readinessLevel: z.enum(['GREEN', 'YELLOW', 'RED']),
  painLevel: z.number().int().nullable(), // null once erased (decision 039)
  /** The lead alerted when it was raised. */
  leadId: z.uuid().nullable(),
  raisedAt: z.iso.datetime(),
  state: z.enum(ALERT_STATES),
  firstCountermeasureAt: z.iso.datetime().nullable(),
  escalatedAt: z.iso.datetime().nullable(),
  escalatedToIds: z.array(z.uuid()),
  /** Oldest first. */
  countermeasures: z.array(countermeasureOutput),
});
export type AlertDto = z.infer<typeof alertOutput>;

/** Alert rows as DTOs with their countermeasures and the names they mention: three queries. */
export async function toAlertDtos(
  read: ReadTx,
  rows: readonly ReadinessAlert[],
): Promise<AlertDto[]> {
  if (rows.length === 0) return [];
  const measures = await read.countermeasure.findMany({
    where: { alertId: { in: rows.map((row) => row.id) } },
    orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
  });
  const personIds = new Set([
    ...rows.map((row) => row.personId),
    ...measures.map((measure) => measure.recordedById),
  ]);
  const people = await read.person.findMany({
    where: { id: { in: [...personIds] } },
    select: { id: true, firstName: true, lastName: true },
  });
  const teams = await read.team.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.teamId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(people.map((person) => [person.id, fullName(person)]));
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const byAlert = new Map<string, Countermeasure[]>();
  for (const measure of measures) {
    byAlert.set(measure.alertId, [...(byAlert.get(measure.alertId) ?? []), measure]);
  }
  return rows.map((row) => ({
    id: row.id,
    checkInId: row.checkInId,
    personId: row.personId,
    personName: names.get(row.personId) ?? 'Unknown person',
    teamId: row.teamId,
    teamName: teamNames.get(row.teamId) ?? 'Unknown team',
    localDate: localDateOf(row.localDate),
    readinessScore: row.readinessScore,
    readinessLevel: row.readinessLevel,
    painLevel: row.painLevel,
    leadId: row.leadId,
    raisedAt: row.raisedAt.toISOString(),
    state: row.firstCountermeasureAt ? 'handled' : 'open',
    firstCountermeasureAt: row.firstCountermeasureAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    escalatedToIds: row.escalatedToIds,
    countermeasures: (byAlert.get(row.id) ?? []).map((measure) => ({
      id: measure.id,
      type: measure.type,
      note: measure.note,
      recordedById: measure.recordedById,
      recordedByName: names.get(measure.recordedById) ?? 'Unknown person',
      recordedAt: measure.recordedAt.toISOString(),
    })),
  }));
}

export async function toAlertDto(read: ReadTx, row: ReadinessAlert): Promise<AlertDto> {
  const [dto] = await toAlertDtos(read, [row]);
  if (!dto) throw new Error(`alert ${row.id} produced no DTO`);
  return dto;
}
