import {
  EVENT_SCHEMA_VERSION,
  EVENT_TYPES,
  SAMPLE_EVENT_PAYLOADS,
  upcastPayload,
} from '@aegira/events';
import { describe, expect, it } from 'vitest';

// A rebuild reads most payloads in their type's current version as stored and validates a
// sample (decision 022, readStoredPayload's `validate`). That is only equal to validating
// each when parsing a valid stored payload gives back the same value: no schema may
// transform, default, coerce or strip. Should one start to, this fails.
describe('a valid payload in its current version, parsed', () => {
  it.each(EVENT_TYPES)('%s: is the stored value itself, field for field', (type) => {
    const version = EVENT_SCHEMA_VERSION[type];
    const sample = SAMPLE_EVENT_PAYLOADS[type][version];
    expect(sample).toBeDefined();
    // As the database gives it back: through JSON.
    const stored = JSON.parse(JSON.stringify(sample)) as unknown;
    expect(upcastPayload(type, version, stored)).toStrictEqual(stored);
  });
});
