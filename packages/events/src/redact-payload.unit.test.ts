import { describe, expect, it } from 'vitest';
import {
  EVENT_PAYLOAD_VERSIONS,
  type FieldMark,
  markedFields,
  REDACTED,
  redactPayload,
  SAMPLE_EVENT_PAYLOADS,
  SAMPLE_IDS,
} from './index.ts';

const CHECK_IN_INPUTS = [
  'hoursSlept',
  'sleepQuality',
  'stressLevel',
  'physicalCondition',
  'painLevel',
  'painLocation',
  'notes',
].map((field) => ({ path: `inputs.${field}`, mark: 'sensitive' as FieldMark }));

// Every mark there is; a (type, version) not listed has none.
const EXPECTED_MARKS: Record<string, Array<{ path: string; mark: FieldMark }>> = {
  'PERSON_CREATED v1': [{ path: 'passwordHash', mark: 'secret' }],
  'PERSON_PASSWORD_CHANGED v1': [{ path: 'passwordHash', mark: 'secret' }],
  'API_TOKEN_CREATED v1': [{ path: 'tokenHash', mark: 'secret' }],
  'CHECK_IN_SUBMITTED v1': CHECK_IN_INPUTS,
  'CHECK_IN_UPDATED v1': CHECK_IN_INPUTS,
  'INCIDENT_REPORTED v1': [
    { path: 'title', mark: 'sensitive' },
    { path: 'location', mark: 'sensitive' },
    { path: 'description', mark: 'sensitive' },
    { path: 'peopleInvolvedIds', mark: 'sensitive' },
  ],
  'INCIDENT_REJECTED v1': [{ path: 'explanation', mark: 'sensitive' }],
  'CASE_STATUS_CHANGED v1': [
    { path: 'reason', mark: 'sensitive' },
    { path: 'resolutionSummary', mark: 'sensitive' },
  ],
  'INCIDENT_UPDATED v1': [
    { path: 'changes.title', mark: 'sensitive' },
    { path: 'changes.description', mark: 'sensitive' },
  ],
  'CASE_NOTE_ADDED v1': [{ path: 'text', mark: 'sensitive' }],
  'MISSED_CHECK_IN_EXCUSED v1': [{ path: 'reason', mark: 'sensitive' }],
  'LEAVE_RECORDED v1': [{ path: 'note', mark: 'sensitive' }],
  'READINESS_ALERT_RAISED v1': [{ path: 'painLevel', mark: 'sensitive' }],
  'COUNTERMEASURE_RECORDED v1': [{ path: 'note', mark: 'sensitive' }],
};

describe('field marks', () => {
  it.each(
    EVENT_PAYLOAD_VERSIONS.map((entry) => [`${entry.type} v${entry.version}`, entry] as const),
  )('%s has exactly the expected marks', (name, { type, version }) => {
    expect(markedFields(type, version)).toEqual(EXPECTED_MARKS[name] ?? []);
  });
});

describe('redacting a payload for display', () => {
  it('given a v1 PERSON_CREATED, then the password hash is removed entirely', () => {
    const stored = SAMPLE_EVENT_PAYLOADS.PERSON_CREATED[1] as Record<string, unknown>;
    const shown = redactPayload('PERSON_CREATED', 1, stored, { sensitive: 'show' });
    const { passwordHash: _hash, ...rest } = stored;
    expect(shown).toEqual(rest);
    expect(JSON.stringify(shown)).not.toContain('argon2');
  });

  it('given a v1 API_TOKEN_CREATED, then the token hash is removed even for entitled readers', () => {
    const shown = redactPayload(
      'API_TOKEN_CREATED',
      1,
      SAMPLE_EVENT_PAYLOADS.API_TOKEN_CREATED[1],
      {
        sensitive: 'show',
      },
    );
    expect(shown).not.toHaveProperty('tokenHash');
    expect(shown).toMatchObject({ prefix: 'aeg_9f86', scope: 'WHS' });
  });

  it('given a check-in, when sensitive content is hidden, then its inputs are redacted and the scores kept', () => {
    const stored = SAMPLE_EVENT_PAYLOADS.CHECK_IN_SUBMITTED[1] as Record<string, unknown>;
    const shown = redactPayload('CHECK_IN_SUBMITTED', 1, stored, { sensitive: 'hide' });
    expect(shown).toEqual({
      ...stored,
      inputs: {
        hoursSlept: REDACTED,
        sleepQuality: REDACTED,
        stressLevel: REDACTED,
        physicalCondition: REDACTED,
        painLevel: REDACTED,
        painLocation: REDACTED,
        notes: REDACTED,
      },
    });
  });

  it('given a check-in, when sensitive content may be shown, then it is returned unchanged', () => {
    const stored = SAMPLE_EVENT_PAYLOADS.CHECK_IN_UPDATED[1];
    expect(redactPayload('CHECK_IN_UPDATED', 1, stored, { sensitive: 'show' })).toEqual(stored);
  });

  it('given an incident update, then only the changed sensitive fields are redacted', () => {
    const shown = redactPayload('INCIDENT_UPDATED', 1, SAMPLE_EVENT_PAYLOADS.INCIDENT_UPDATED[1], {
      sensitive: 'hide',
    });
    // title was not changed, so it stays absent rather than appearing as redacted.
    expect(shown).toEqual({
      id: SAMPLE_IDS.incident,
      changes: { description: REDACTED, severity: 'HIGH' },
    });
  });

  it('given a case note, when hidden, then its text is redacted', () => {
    const shown = redactPayload('CASE_NOTE_ADDED', 1, SAMPLE_EVENT_PAYLOADS.CASE_NOTE_ADDED[1], {
      sensitive: 'hide',
    });
    expect(shown).toEqual({
      id: SAMPLE_IDS.case,
      noteId: SAMPLE_IDS.caseNote,
      authorId: SAMPLE_IDS.supervisor,
      text: REDACTED,
      addedAt: '2026-11-25T07:00:00.000Z',
    });
  });

  it.each(
    EVENT_PAYLOAD_VERSIONS.map((entry) => [`${entry.type} v${entry.version}`, entry] as const),
  )('%s: fields without a mark are left untouched', (_name, { type, version }) => {
    const stored = SAMPLE_EVENT_PAYLOADS[type][version];
    const marks = markedFields(type, version);
    const shown = redactPayload(type, version, stored, { sensitive: 'hide' });
    if (marks.length === 0) expect(shown).toEqual(stored);
    // Not the same object: callers may change the copy without touching the stored payload.
    expect(shown).not.toBe(stored);
  });

  it('refuses a payload that does not match its version rather than show it unredacted', () => {
    const stored = SAMPLE_EVENT_PAYLOADS.PERSON_PASSWORD_CHANGED[1] as Record<string, unknown>;
    expect(() =>
      redactPayload('PERSON_PASSWORD_CHANGED', 1, { ...stored, extra: 'x' }, { sensitive: 'show' }),
    ).toThrow(/Invalid PERSON_PASSWORD_CHANGED v1 payload/);
  });

  it('refuses an unknown version', () => {
    expect(() => redactPayload('CASE_NOTE_ADDED', 2, {}, { sensitive: 'hide' })).toThrow(
      /unknown version 2; versions that exist: 1/,
    );
  });
});
