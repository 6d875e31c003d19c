import { randomUUID } from 'node:crypto';
import { EVENT_PAYLOAD_VERSIONS } from '@aegira/events';
import { describe, expect, it } from 'vitest';
import { applyToSampleRows, sampleLogged } from '../../test-support/apply-sample.ts';
import { PROJECTED_EVENT_TYPES } from './registry.ts';

describe('every payload version that was ever stored', () => {
  it.each(
    EVENT_PAYLOAD_VERSIONS.filter(({ type }) => PROJECTED_EVENT_TYPES.has(type)).map(
      ({ type, version }) => [`${type} v${version}`, type, version] as const,
    ),
  )('%s still parses and applies to its rows', (_name, type, version) => {
    const event = sampleLogged(type, version, randomUUID());
    const rows = applyToSampleRows(event);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ eventId: event.id });
  });
});
