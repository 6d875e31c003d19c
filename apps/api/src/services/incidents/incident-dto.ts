import type { Case, Incident, ReadTx } from '@aegira/db';
import { recordReference } from '@aegira/domain';
import {
  CASE_STATUSES,
  INCIDENT_REJECTION_REASONS,
  INCIDENT_SEVERITIES,
  INCIDENT_TYPES,
} from '@aegira/events';
import { z } from 'zod';
import { oneByOne } from '../one-by-one.ts';
import { fullName } from '../teams/team-dto.ts';

export const INCIDENT_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;

const personRef = z.object({ id: z.uuid(), name: z.string() });

export const incidentCaseOutput = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  assignee: personRef,
});

/** An incident as WHS or its reporter reads it; every instant is shown in `timeZone`. */
export const incidentOutput = z.object({
  id: z.uuid(),
  reference: z.string(),
  number: z.number().int(),
  type: z.enum(INCIDENT_TYPES),
  severity: z.enum(INCIDENT_SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  title: z.string().nullable(), // null once the reporter's data was erased (decision 039)
  location: z.string().nullable(),
  description: z.string().nullable(), // null once the reporter's data was erased (decision 039)
  occurredAt: z.iso.datetime(),
  reportedAt: z.iso.datetime(),
  reporter: personRef,
  /** The reporter's team when it happened. */
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  peopleInvolved: z.array(personRef),
  reviewedBy: personRef.nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  rejectionReason: z.enum(INCIDENT_REJECTION_REASONS).nullable(),
  rejectionExplanation: z.string().nullable(),
  case: incidentCaseOutput.nullable(),
});
export type IncidentDto = z.infer<typeof incidentOutput>;

export function incidentReference(row: Pick<Incident, 'year' | 'number'>): string {
  return recordReference('INC', row.year, row.number);
}

export function caseReference(row: Pick<Case, 'year' | 'number'>): string {
  return recordReference('CASE', row.year, row.number);
}

/** Incident rows as DTOs with their cases and every name they mention: three queries. */
export async function toIncidentDtos(
  read: ReadTx,
  rows: readonly Incident[],
): Promise<IncidentDto[]> {
  if (rows.length === 0) return [];
  const cases = await read.case.findMany({
    where: { incidentId: { in: rows.map((row) => row.id) } },
  });
  const personIds = new Set<string>();
  for (const row of rows) {
    personIds.add(row.reporterId);
    for (const id of row.peopleInvolvedIds) personIds.add(id);
    if (row.reviewedById) personIds.add(row.reviewedById);
  }
  for (const one of cases) personIds.add(one.assigneeId);
  const teamIds = rows.flatMap((row) => (row.teamId ? [row.teamId] : []));
  const [people, teams] = await oneByOne(
    () =>
      read.person.findMany({
        where: { id: { in: [...personIds] } },
        select: { id: true, firstName: true, lastName: true },
      }),
    () => read.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }),
  );
  const names = new Map(people.map((person) => [person.id, fullName(person)]));
  const person = (id: string) => ({ id, name: names.get(id) ?? 'Unknown person' });
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const caseOf = new Map(cases.map((one) => [one.incidentId, one]));
  return rows.map((row) => {
    const opened = caseOf.get(row.id);
    return {
      id: row.id,
      reference: incidentReference(row),
      number: row.number,
      type: row.type,
      severity: row.severity,
      status: row.status,
      title: row.title,
      location: row.location,
      description: row.description,
      occurredAt: row.occurredAt.toISOString(),
      reportedAt: row.reportedAt.toISOString(),
      reporter: person(row.reporterId),
      team: row.teamId
        ? { id: row.teamId, name: teamNames.get(row.teamId) ?? 'Unknown team' }
        : null,
      peopleInvolved: row.peopleInvolvedIds.map(person),
      reviewedBy: row.reviewedById ? person(row.reviewedById) : null,
      reviewedAt: row.reviewedAt?.toISOString() ?? null,
      rejectionReason: row.rejectionReason,
      rejectionExplanation: row.rejectionExplanation,
      case: opened
        ? {
            id: opened.id,
            reference: caseReference(opened),
            status: opened.status,
            assignee: person(opened.assigneeId),
          }
        : null,
    };
  });
}

export async function toIncidentDto(read: ReadTx, row: Incident): Promise<IncidentDto> {
  const [dto] = await toIncidentDtos(read, [row]);
  if (!dto) throw new Error(`incident ${row.id} produced no DTO`);
  return dto;
}
