import { describe, expect, it } from 'vitest';
import {
  EVENT_PAYLOAD_VERSIONS,
  EVENT_SCHEMA_VERSION,
  EVENT_TYPES,
  eventPayloadSchemas,
  InvalidEventPayloadError,
  parseEventPayload,
  SAMPLE_EVENT_PAYLOADS,
  upcastPayload,
} from './index.ts';

const label = (entry: { type: string; version: number }) => `${entry.type} v${entry.version}`;

describe('payload versions', () => {
  it('has a sample for every (type, version) that ever existed, and none for any other', () => {
    const expected = EVENT_PAYLOAD_VERSIONS.map(label).sort();
    const samples = EVENT_TYPES.flatMap((type) =>
      Object.keys(SAMPLE_EVENT_PAYLOADS[type]).map((version) => `${type} v${version}`),
    ).sort();
    expect(samples).toEqual(expected);
  });

  it.each(EVENT_PAYLOAD_VERSIONS.map((entry) => [label(entry), entry] as const))(
    '%s: its sample matches its own schema and upcasts to the current one',
    (_name, { type, version, schema }) => {
      const sample = SAMPLE_EVENT_PAYLOADS[type][version];
      expect(schema.safeParse(sample).success).toBe(true);
      const upcast = upcastPayload(type, version, sample);
      expect(eventPayloadSchemas[type].safeParse(upcast).success).toBe(true);
    },
  );

  it('numbers each type 1..current, and the current version is the one new events get', () => {
    for (const type of EVENT_TYPES) {
      const versions = EVENT_PAYLOAD_VERSIONS.filter((entry) => entry.type === type);
      expect(versions.map((entry) => entry.version)).toEqual(
        Array.from({ length: EVENT_SCHEMA_VERSION[type] }, (_, index) => index + 1),
      );
      expect(versions.filter((entry) => entry.current).map((entry) => entry.version)).toEqual([
        EVENT_SCHEMA_VERSION[type],
      ]);
    }
  });

  it('moved credentials out of the log, added the miss snapshot and the checkpoint frontier in version 2; every other type is at version 1', () => {
    const changed = EVENT_TYPES.filter((type) => EVENT_SCHEMA_VERSION[type] !== 1);
    expect(changed).toEqual([
      'PERSON_CREATED',
      'PERSON_PASSWORD_CHANGED',
      'MISSED_CHECK_IN_DETECTED',
      'API_TOKEN_CREATED',
      'AUDIT_CHECKPOINT_SIGNED',
    ]);
    // PERSON_CREATED v3 added the forced change of an admin-set password.
    expect(changed.map((type) => EVENT_SCHEMA_VERSION[type])).toEqual([3, 2, 2, 2, 2]);
  });
});

describe('upcasting stored payloads', () => {
  it.each([
    // v1 → v2 → v3: a person created before forced changes chose their own password.
    ['PERSON_CREATED', 'passwordHash', { mustChangePassword: false }],
    ['PERSON_PASSWORD_CHANGED', 'passwordHash', {}],
    ['API_TOKEN_CREATED', 'tokenHash', {}],
  ] as const)(
    'given a stored %s v1, when upcast, then %s is gone and the rest is kept',
    (type, hash, added) => {
      const stored = SAMPLE_EVENT_PAYLOADS[type][1];
      expect(stored).toHaveProperty(hash);

      const upcast = upcastPayload(type, 1, stored);

      expect(upcast).not.toHaveProperty(hash);
      const { [hash]: _hash, ...rest } = stored as Record<string, unknown>;
      expect(upcast).toEqual({ ...rest, ...added });
    },
  );

  it('given a stored PERSON_CREATED v2, when upcast, then the person need not change their password', () => {
    const stored = SAMPLE_EVENT_PAYLOADS.PERSON_CREATED[2] as Record<string, unknown>;
    expect(upcastPayload('PERSON_CREATED', 2, stored)).toEqual({
      ...stored,
      mustChangePassword: false,
    });
  });

  it('given a stored AUDIT_CHECKPOINT_SIGNED v1, when upcast, then it has no frontier and keeps the rest', () => {
    const stored = SAMPLE_EVENT_PAYLOADS.AUDIT_CHECKPOINT_SIGNED[1] as Record<string, unknown>;
    expect(stored).not.toHaveProperty('frontier');
    expect(upcastPayload('AUDIT_CHECKPOINT_SIGNED', 1, stored)).toEqual({
      ...stored,
      frontier: null,
    });
  });

  it('given a current-version payload, when read, then it comes back unchanged', () => {
    const stored = SAMPLE_EVENT_PAYLOADS.PERSON_CREATED[3];
    expect(upcastPayload('PERSON_CREATED', 3, stored)).toEqual(stored);
  });

  it('given a new PERSON_CREATED carrying a password hash, then it is refused', () => {
    expect(() =>
      parseEventPayload('PERSON_CREATED', SAMPLE_EVENT_PAYLOADS.PERSON_CREATED[1]),
    ).toThrowError(InvalidEventPayloadError);
  });

  it('given an unknown version, then it is refused with the versions that exist', () => {
    const sample = SAMPLE_EVENT_PAYLOADS.PERSON_CREATED[3];
    expect(() => upcastPayload('PERSON_CREATED', 4, sample)).toThrowError(InvalidEventPayloadError);
    expect(() => upcastPayload('PERSON_CREATED', 4, sample)).toThrow(
      'Invalid PERSON_CREATED payload: version: unknown version 4; versions that exist: 1, 2, 3',
    );
    expect(() => upcastPayload('COMPANY_CREATED', 0, {})).toThrow(/versions that exist: 1$/);
  });

  it('given an unknown type, then it is refused', () => {
    // Cast on purpose: simulates a row whose type the code does not know.
    const unknownType = 'PERSON_TELEPORTED' as 'PERSON_REACTIVATED';
    expect(() => upcastPayload(unknownType, 1, {})).toThrow(/unknown event type/);
  });

  it('given a stored payload that does not match its version, then it is refused naming the version', () => {
    const { passwordHash: _missing, ...broken } = SAMPLE_EVENT_PAYLOADS.PERSON_CREATED[1] as Record<
      string,
      unknown
    >;
    expect(() => upcastPayload('PERSON_CREATED', 1, broken)).toThrow(
      /Invalid PERSON_CREATED v1 payload: passwordHash/,
    );
  });
});
