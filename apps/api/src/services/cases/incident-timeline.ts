import { type ReadTx, readStoredPayloads } from '@aegira/db';
import { toLocalTime } from '@aegira/domain';
import type { AnyEvent, EventType } from '@aegira/events';
import { z } from 'zod';
import { fullName } from '../teams/team-dto.ts';

export const timelineEntryOutput = z.object({
  id: z.uuid(),
  type: z.string(),
  at: z.iso.datetime(),
  /** 'YYYY-MM-DD HH:mm' in the company's time zone. */
  localTime: z.string(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  summary: z.string(),
});
export type TimelineEntryDto = z.infer<typeof timelineEntryOutput>;

/** A stored event row as the timeline reads it. */
interface StoredRow {
  id: string;
  type: EventType;
  schemaVersion: number;
  payload: unknown;
  actorId: string | null;
  createdAt: Date;
}

const words = (value: string) => value.toLowerCase().replaceAll('_', ' ');

/** One line per event, for WHS (who may read the content the line mentions). */
function summaryOf(event: AnyEvent, name: (id: string) => string): string {
  switch (event.type) {
    case 'INCIDENT_REPORTED':
      return `Reported INC-${event.payload.year}-${event.payload.number}: ${words(event.payload.severity)} severity ${words(event.payload.type)}`;
    case 'INCIDENT_UPDATED':
      return `Report changed (${Object.keys(event.payload.changes).join(', ')})`;
    case 'INCIDENT_APPROVED':
      return 'Approved';
    case 'INCIDENT_REJECTED':
      return `Rejected (${words(event.payload.reason)}): ${event.payload.explanation}`;
    case 'CASE_OPENED':
      return `Case CASE-${event.payload.year}-${event.payload.number} opened, assigned to ${name(event.payload.assigneeId)}`;
    case 'CASE_STATUS_CHANGED': {
      const { from, to, reason, resolutionSummary } = event.payload;
      const detail = resolutionSummary ?? reason;
      return `${words(from)} → ${words(to)}${detail ? `: ${detail}` : ''}`;
    }
    case 'CASE_REASSIGNED':
      return `Reassigned from ${name(event.payload.fromId)} to ${name(event.payload.toId)}`;
    case 'CASE_NOTE_ADDED':
      return `Note: ${event.payload.text}`;
    default:
      return words(event.type);
  }
}

/** When it happened by the command's clock (every incident and case event says), else when it was stored. */
function whenOf(event: AnyEvent, stored: Date): Date {
  switch (event.type) {
    case 'INCIDENT_REPORTED':
      return new Date(event.payload.reportedAt);
    case 'INCIDENT_APPROVED':
    case 'INCIDENT_REJECTED':
      return new Date(event.payload.reviewedAt);
    case 'CASE_OPENED':
      return new Date(event.payload.openedAt);
    case 'CASE_STATUS_CHANGED':
      return new Date(event.payload.changedAt);
    case 'CASE_REASSIGNED':
      return new Date(event.payload.reassignedAt);
    case 'CASE_NOTE_ADDED':
      return new Date(event.payload.addedAt);
    default:
      return stored;
  }
}

/**
 * An incident's and its case's history, oldest first, from the events themselves
 * (each upcast to its current payload), dated in the company's time zone.
 */
export async function incidentTimeline(
  read: ReadTx,
  incidentId: string,
  caseId: string | null,
  timeZone: string,
): Promise<TimelineEntryDto[]> {
  const rows = await read.event.findMany({
    where: {
      OR: [
        { entityType: 'incident', entityId: incidentId },
        ...(caseId ? [{ entityType: 'case' as const, entityId: caseId }] : []),
      ],
    },
    orderBy: { position: 'asc' },
  });
  return describeEvents(read, rows, timeZone);
}

/** Incident and case events as timeline lines (WHS only: the lines show content). */
export async function describeEvents(
  read: ReadTx,
  rows: readonly StoredRow[],
  timeZone: string,
): Promise<TimelineEntryDto[]> {
  const opened = await readStoredPayloads(read, rows);
  // Opened and upcast to each row's own type (erased content reads as null).
  const events = opened.map((row) => ({ type: row.type, payload: row.payload }) as AnyEvent);
  const mentioned = new Set<string>();
  for (const row of rows) if (row.actorId) mentioned.add(row.actorId);
  for (const event of events) {
    if (event.type === 'CASE_OPENED') mentioned.add(event.payload.assigneeId);
    if (event.type === 'CASE_REASSIGNED') {
      mentioned.add(event.payload.fromId);
      mentioned.add(event.payload.toId);
    }
  }
  const people = await read.person.findMany({
    where: { id: { in: [...mentioned] } },
    select: { id: true, firstName: true, lastName: true },
  });
  const names = new Map(people.map((person) => [person.id, fullName(person)]));
  const name = (id: string) => names.get(id) ?? 'Unknown person';
  return rows.map((row, index) => {
    const event = events[index];
    const at = event ? whenOf(event, row.createdAt) : row.createdAt;
    const local = toLocalTime(at, timeZone);
    return {
      id: row.id,
      type: row.type,
      at: at.toISOString(),
      localTime: `${local.date} ${local.time}`,
      actor: row.actorId ? { id: row.actorId, name: name(row.actorId) } : null,
      summary: event ? summaryOf(event, name) : words(row.type),
    };
  });
}
