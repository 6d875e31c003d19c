import { describe, expect, it } from 'vitest';
import {
  EVENT_ENTITIES,
  EVENT_ENTITY,
  EVENT_TYPES,
  entityOf,
  entityTypeOf,
  SAMPLE_EVENT_PAYLOADS,
  SAMPLE_IDS,
  upcastPayload,
} from './index.ts';

/** The sample payload of a type in its current version. */
function current<T extends (typeof EVENT_TYPES)[number]>(type: T) {
  const versions = Object.keys(SAMPLE_EVENT_PAYLOADS[type]).map(Number);
  const latest = Math.max(...versions);
  return upcastPayload(type, latest, SAMPLE_EVENT_PAYLOADS[type][latest]);
}

describe('the entity of an event', () => {
  it('is defined once per event type, and the older map agrees with it', () => {
    expect(Object.keys(EVENT_ENTITIES).sort()).toEqual([...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES) {
      expect(EVENT_ENTITY[type]).toBe(EVENT_ENTITIES[type].type);
      expect(entityTypeOf(type)).toBe(EVENT_ENTITIES[type].type);
    }
  });

  it('reads an id from every sample payload', () => {
    for (const type of EVENT_TYPES) {
      const { entityId } = entityOf(type, current(type));
      expect(entityId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it.each([
    ['PERSON_CREATED', 'person', SAMPLE_IDS.admin],
    ['TEAM_CREATED', 'team', SAMPLE_IDS.team],
    ['TEAM_MEMBER_ASSIGNED', 'person', SAMPLE_IDS.worker],
    ['TEAM_TRANSFER_INITIATED', 'person', SAMPLE_IDS.worker],
    ['MISSED_CHECK_IN_RESOLVED', 'missed_check_in', SAMPLE_IDS.missedCheckIn],
    ['CASE_NOTE_ADDED', 'case', SAMPLE_IDS.case],
    ['API_TOKEN_CREATED', 'api_token', SAMPLE_IDS.apiToken],
  ] as const)('given a %s event, then it belongs to the %s it names', (type, entityType, id) => {
    expect(entityOf(type, current(type))).toEqual({ entityType, entityId: id });
  });

  it('given a membership change, then it is the person’s history, not the team’s', () => {
    const payload = {
      personId: SAMPLE_IDS.worker,
      teamId: SAMPLE_IDS.team,
      reason: 'removed' as const,
    };
    expect(entityOf('TEAM_MEMBER_UNASSIGNED', payload)).toEqual({
      entityType: 'person',
      entityId: SAMPLE_IDS.worker,
    });
  });
});
