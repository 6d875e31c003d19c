import { randomUUID } from 'node:crypto';
import {
  EVENT_PAYLOAD_VERSIONS,
  EVENT_SCHEMA_VERSION,
  type EventType,
  entityOf,
  SAMPLE_EVENT_PAYLOADS,
  upcastPayload,
} from '@aegira/events';
import { describe, expect, it } from 'vitest';
import type { AnyStoredEvent } from '../stored-event.ts';
import type { TrackedRow } from './define-projection.ts';
import { evolve, rowIdOf } from './evolve.ts';
import { ENTITY_PROJECTIONS, PROJECTED_EVENT_TYPES } from './registry.ts';

const companyId = randomUUID();

/** A sample event of (type, version) as replay hands it to the projections: upcast first. */
function sampleEvent(type: EventType, version: number): AnyStoredEvent {
  const payload = upcastPayload(type, version, SAMPLE_EVENT_PAYLOADS[type][version]);
  const { entityType, entityId } = entityOf(type, payload);
  // upcastPayload returned this very type's payload; TypeScript cannot follow the pairing.
  return {
    id: randomUUID(),
    companyId,
    actorId: null,
    actorTokenId: null,
    type,
    entityType,
    entityId,
    payload,
    position: 1n,
    createdAt: new Date('2026-11-30T08:00:00.000Z'),
  } as AnyStoredEvent;
}

/** The row an update applies to: the table's creation sample, under the id the update names. */
function existingRow(
  projection: (typeof ENTITY_PROJECTIONS)[number],
  id: string,
): TrackedRow | null {
  for (const [type, handler] of Object.entries(projection.on)) {
    if (!handler || !('create' in handler)) continue;
    const eventType = type as EventType;
    const row = evolve(projection, null, sampleEvent(eventType, EVENT_SCHEMA_VERSION[eventType]));
    return row ? { ...row, id } : null;
  }
  return null;
}

describe('every payload version that was ever stored', () => {
  it.each(
    EVENT_PAYLOAD_VERSIONS.filter(({ type }) => PROJECTED_EVENT_TYPES.has(type)).map(
      ({ type, version }) => [`${type} v${version}`, type, version] as const,
    ),
  )('%s still parses and applies to its rows', (_name, type, version) => {
    const event = sampleEvent(type, version);
    let applied = 0;
    for (const projection of ENTITY_PROJECTIONS) {
      const target = rowIdOf(projection, event);
      if (!target) continue;
      const before = target.creates ? null : existingRow(projection, target.id);
      const after = evolve(projection, before, event);
      expect(after, projection.table).toMatchObject({ id: target.id, eventId: event.id });
      applied += 1;
    }
    expect(applied).toBeGreaterThan(0);
  });
});
