import { describe, expect, it } from 'vitest';
import {
  anyEventSchema,
  EVENT_ENTITY,
  EVENT_SCHEMA_VERSION,
  EVENT_TYPES,
  eventPayloadSchemas,
  InvalidEventPayloadError,
  parseEventPayload,
} from './index.ts';

const id = '6f1c3a52-8a43-4d4c-9a57-2f9f3c0e8b11';

describe('event payload schemas', () => {
  it('has exactly one schema, one entity and one version per event type', () => {
    expect(Object.keys(eventPayloadSchemas).sort()).toEqual([...EVENT_TYPES].sort());
    expect(Object.keys(EVENT_ENTITY).sort()).toEqual([...EVENT_TYPES].sort());
    expect(Object.keys(EVENT_SCHEMA_VERSION).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('accepts a payload that matches its type', () => {
    const payload = parseEventPayload('COMPANY_CREATED', {
      id,
      name: 'Acme',
      slug: 'acme',
      timezone: 'Europe/Berlin',
    });
    expect(payload.slug).toBe('acme');
  });

  it('refuses a payload with a missing field and names the field', () => {
    expect(() => parseEventPayload('COMPANY_CREATED', { id, name: 'Acme', slug: 'acme' })).toThrow(
      /timezone/,
    );
  });

  it('refuses unknown fields, so nothing unvalidated is stored', () => {
    expect(() => parseEventPayload('PERSON_REACTIVATED', { id, companyId: id })).toThrowError(
      InvalidEventPayloadError,
    );
  });

  it('refuses an unknown event type', () => {
    // Cast on purpose: simulates a caller bypassing the type system.
    const unknownType = 'PERSON_TELEPORTED' as 'PERSON_REACTIVATED';
    expect(() => parseEventPayload(unknownType, { id })).toThrow(/unknown event type/);
  });

  it('rejects a payload of one type presented as another in the union', () => {
    const wrong = anyEventSchema.safeParse({
      type: 'PERSON_REACTIVATED',
      payload: { id, name: 'Acme', slug: 'acme', timezone: 'UTC' },
    });
    expect(wrong.success).toBe(false);
    const right = anyEventSchema.safeParse({ type: 'PERSON_REACTIVATED', payload: { id } });
    expect(right.success).toBe(true);
  });

  it('checks check-in ranges in the payload', () => {
    const base = {
      id,
      personId: id,
      teamId: id,
      localDate: '2026-11-27',
      inputs: {
        hoursSlept: 7.5,
        sleepQuality: 8,
        stressLevel: 3,
        physicalCondition: 8,
        painLevel: 0,
        painLocation: null,
        notes: null,
      },
      scores: {
        formulaVersion: 1,
        hoursScore: 100,
        sleepScore: 88.9,
        stressScore: 77.8,
        physicalScore: 77.8,
        painScore: 100,
        readinessScore: 86,
        level: 'GREEN',
      },
      isLate: false,
      minutesLate: 0,
      submittedAt: '2026-11-27T07:00:00.000Z',
    };
    expect(() => parseEventPayload('CHECK_IN_SUBMITTED', base)).not.toThrow();
    expect(() =>
      parseEventPayload('CHECK_IN_SUBMITTED', {
        ...base,
        inputs: { ...base.inputs, stressLevel: 11 },
      }),
    ).toThrow(/inputs\.stressLevel/);
    expect(() =>
      parseEventPayload('CHECK_IN_SUBMITTED', { ...base, localDate: '27/11/2026' }),
    ).toThrow(/localDate/);
  });
});
