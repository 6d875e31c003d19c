import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from './event-types.ts';
import { EVENT_SCHEMA_VERSION } from './payload-versions.ts';
import { SAMPLE_EVENT_PAYLOADS } from './sample-payloads.ts';
import { sealSubjectOf } from './seal-subject.ts';
import {
  canCarrySealedFields,
  ERASED,
  erasedView,
  openPayload,
  SEALED_FIELD,
  sealPayload,
} from './sealed-fields.ts';

// A stand-in cipher: the tests here are about moving values, not about encryption.
const seal = (plaintext: string) => `sealed:${plaintext}`;
const open = (sealed: string) => sealed.slice('sealed:'.length);

const checkIn = SAMPLE_EVENT_PAYLOADS.CHECK_IN_SUBMITTED[1] as {
  inputs: Record<string, unknown>;
  scores: Record<string, unknown>;
};

describe('sealed fields', () => {
  it('given a check-in, when sealed, then its answers are null in place and only the scores stay readable', () => {
    const { payload, sealed } = sealPayload('CHECK_IN_SUBMITTED', 1, checkIn, seal);
    expect(sealed).toBe(true);
    const stored = payload as Record<string, unknown> & { inputs: Record<string, unknown> };
    expect(stored.inputs.hoursSlept).toBeNull();
    expect(stored.inputs.painLevel).toBeNull();
    expect(stored.scores).toEqual(checkIn.scores);
    expect(JSON.stringify(stored.inputs)).not.toMatch(/\d/);
    expect(typeof stored[SEALED_FIELD]).toBe('string');
    // The original is untouched.
    expect(checkIn.inputs.hoursSlept).not.toBeNull();
  });

  it('given a sealed payload, when opened with its key, then it is the original again', () => {
    const { payload } = sealPayload('CHECK_IN_SUBMITTED', 1, checkIn, seal);
    // Through JSON, as the database gives it back (key order changes there).
    const fromDb = JSON.parse(JSON.stringify(payload)) as unknown;
    expect(openPayload(fromDb, open)).toEqual({ payload: checkIn, erased: false });
  });

  it('given a sealed payload, when its key is gone, then it reads as erased with its fields null', () => {
    const { payload } = sealPayload('CHECK_IN_SUBMITTED', 1, checkIn, seal);
    const opened = openPayload(payload, () => null);
    expect(opened.erased).toBe(true);
    expect(opened.payload).not.toHaveProperty(SEALED_FIELD);
    const shown = erasedView('CHECK_IN_SUBMITTED', 1, opened.payload) as {
      inputs: Record<string, unknown>;
      scores: unknown;
    };
    expect(shown.inputs.hoursSlept).toBe(ERASED);
    expect(shown.scores).toEqual(checkIn.scores);
  });

  it('given an incident, then a sensitive list is sealed whole and empty sensitive fields are not sealed', () => {
    const incident = {
      ...(SAMPLE_EVENT_PAYLOADS.INCIDENT_REPORTED[1] as Record<string, unknown>),
      location: null,
    };
    const { payload } = sealPayload('INCIDENT_REPORTED', 1, incident, seal);
    const stored = payload as Record<string, unknown>;
    expect(stored.peopleInvolvedIds).toBeNull();
    const values = JSON.parse(open(String(stored[SEALED_FIELD]))) as Record<string, unknown>;
    expect(Object.keys(values).sort()).toEqual(['description', 'peopleInvolvedIds', 'title']);
    expect(openPayload(stored, open).payload).toEqual(incident);
  });

  it('given a stored payload, when opened, then the stored value is left as it was', () => {
    const { payload } = sealPayload('CHECK_IN_SUBMITTED', 1, checkIn, seal);
    const stored = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
    const before = structuredClone(stored);
    const opened = openPayload(stored, open).payload as typeof checkIn;
    expect(opened).toEqual(checkIn);
    expect(stored).toEqual(before);
    // Only what a sealed value went into is a copy; the rest may be shared.
    expect(opened.inputs).not.toBe(stored.inputs);
    expect(opened.scores).toBe(stored.scores);
  });

  it('leaves a payload without sensitive values as it is', () => {
    const created = SAMPLE_EVENT_PAYLOADS.TEAM_CREATED[1];
    expect(sealPayload('TEAM_CREATED', 1, created, seal)).toEqual({
      payload: created,
      sealed: false,
    });
    expect(openPayload(created, open)).toEqual({ payload: created, erased: false });
  });

  it('given every sample payload, when sealed, then the input is untouched and opening gives it back byte for byte', () => {
    for (const type of EVENT_TYPES) {
      const version = EVENT_SCHEMA_VERSION[type];
      const original = SAMPLE_EVENT_PAYLOADS[type][version];
      const before = JSON.stringify(original);
      const { payload, sealed } = sealPayload(type, version, original, seal);
      // Sealing copies only what it changes; the input is never written to.
      expect(JSON.stringify(original)).toBe(before);
      expect(sealed).toBe(canCarrySealedFields(type, version) && payload !== original);
      // Same keys in the same order once opened (the stored payload keeps the field's place).
      expect(JSON.stringify(openPayload(payload, open).payload)).toBe(before);
    }
  });

  it('names a subject for every type with sensitive fields, or the command must (NewEvent.subjectId)', () => {
    const namedByCommand = EVENT_TYPES.filter(
      (type) =>
        canCarrySealedFields(type, EVENT_SCHEMA_VERSION[type]) &&
        sealSubjectOf(type, SAMPLE_EVENT_PAYLOADS[type][EVENT_SCHEMA_VERSION[type]] as never) ===
          null,
    );
    // Adding a type here means its commands must call sealedFor(personId, event(...)).
    expect(namedByCommand.sort()).toEqual([
      'CASE_NOTE_ADDED',
      'CHECK_IN_UPDATED',
      'INCIDENT_UPDATED',
      'MISSED_CHECK_IN_EXCUSED',
    ]);
  });
});
