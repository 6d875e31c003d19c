import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, type EventPayload, SAMPLE_EVENT_PAYLOADS } from '@aegira/events';
import { describe, expect, it } from 'vitest';
import type { AnyStoredEvent } from '../stored-event.ts';
import { evolve, foldRow, ProjectionError } from './evolve.ts';
import { personProjection } from './person-projection.ts';
import { recordSequenceProjection } from './record-sequence-projection.ts';
import { PROJECTED_EVENT_TYPES } from './registry.ts';

type IncidentReported = EventPayload<'INCIDENT_REPORTED'>;
type CaseOpened = EventPayload<'CASE_OPENED'>;

const companyId = randomUUID();
const personId = randomUUID();
const teamId = randomUUID();

function stored<E extends Pick<AnyStoredEvent, 'type' | 'payload'>>(
  event: E,
  at: string,
): AnyStoredEvent {
  return {
    id: randomUUID(),
    companyId,
    actorId: null,
    actorTokenId: null,
    entityType: 'person',
    entityId: personId,
    position: 1n,
    createdAt: new Date(at),
    ...event,
  } as AnyStoredEvent;
}

const created = stored(
  {
    type: 'PERSON_CREATED',
    payload: {
      id: personId,
      email: 'w@example.test',
      firstName: 'Wen',
      lastName: 'Lo',
      phone: null,
      windowStart: null,
      windowEnd: null,
      workDays: [],
      role: 'WORKER',
      teamId: null,
      teamAssignedOn: null,
    },
  },
  '2026-11-01T08:00:00.000Z',
);
const assigned = stored(
  { type: 'TEAM_MEMBER_ASSIGNED', payload: { personId, teamId, effectiveOn: '2026-11-02' } },
  '2026-11-02T08:00:00.000Z',
);

describe('projections', () => {
  it('every event type has a projection', () => {
    const unprojected = EVENT_TYPES.filter((type) => !PROJECTED_EVENT_TYPES.has(type));
    expect(unprojected).toEqual([]);
  });

  it('given no sequence row, when incidents and a case are folded, then the row is created once and counts both', () => {
    const reported = (number: number) =>
      stored(
        {
          type: 'INCIDENT_REPORTED',
          payload: { ...(SAMPLE_EVENT_PAYLOADS.INCIDENT_REPORTED[1] as IncidentReported), number },
        },
        `2026-11-0${number}T08:00:00.000Z`,
      );
    const opened = stored(
      {
        type: 'CASE_OPENED',
        payload: { ...(SAMPLE_EVENT_PAYLOADS.CASE_OPENED[1] as CaseOpened), number: 1 },
      },
      '2026-11-02T09:00:00.000Z',
    );
    const row = foldRow(recordSequenceProjection, [reported(1), reported(2), opened, reported(3)]);
    expect(row).toMatchObject({
      id: companyId,
      companyId,
      lastIncidentNumber: 3,
      lastCaseNumber: 1,
      createdAt: '2026-11-01T08:00:00.000Z',
      updatedAt: '2026-11-03T08:00:00.000Z',
    });
  });

  it('given a creation then a change, when folded, then the row carries both, the last event and its time', () => {
    const row = foldRow(personProjection, [created, assigned]);
    expect(row).toMatchObject({
      id: personId,
      companyId,
      teamId,
      teamAssignedOn: '2026-11-02',
      eventId: assigned.id,
      createdAt: '2026-11-01T08:00:00.000Z',
      updatedAt: '2026-11-02T08:00:00.000Z',
    });
  });

  it('given an event for another table, when evolved, then the row is unchanged', () => {
    const row = foldRow(personProjection, [created]);
    const holiday = stored(
      {
        type: 'HOLIDAY_CREATED',
        payload: { id: randomUUID(), date: '2026-12-25', name: 'Christmas', recurring: true },
      },
      '2026-11-03T08:00:00.000Z',
    );
    expect(evolve(personProjection, row, holiday)).toBe(row);
  });

  it('refuses to change a row that does not exist, or to create one twice', () => {
    expect(() => evolve(personProjection, null, assigned)).toThrow(ProjectionError);
    const row = foldRow(personProjection, [created]);
    expect(() => evolve(personProjection, row, created)).toThrow(ProjectionError);
  });
  it('given two changes in the same millisecond, when folded, then the second is dated one millisecond later', () => {
    const row = foldRow(personProjection, [created]);
    const sameInstant = stored(
      { type: 'PERSON_REACTIVATED', payload: { id: personId } },
      '2026-11-01T08:00:00.000Z',
    );
    expect(evolve(personProjection, row, sameInstant)?.updatedAt).toBe('2026-11-01T08:00:00.001Z');
  });
});
