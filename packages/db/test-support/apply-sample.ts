import { randomUUID } from 'node:crypto';
import { EVENT_SCHEMA_VERSION, type EventType, SAMPLE_EVENT_PAYLOADS } from '@aegira/events';
import type { TrackedRow } from '../src/projections/define-projection.ts';
import { evolve, rowIdOf } from '../src/projections/evolve.ts';
import { ENTITY_PROJECTIONS } from '../src/projections/registry.ts';
import { upcastLoggedEvent } from '../src/replay.ts';
import type { AnyStoredEvent } from '../src/stored-event.ts';

/** A sample payload of (type, version) as the log holds it: to be upcast by the reader. */
export function sampleLogged(type: EventType, version: number, companyId: string) {
  return upcastLoggedEvent(
    {
      id: randomUUID(),
      companyId,
      actorId: null,
      actorTokenId: null,
      type,
      entityType: 'sample',
      entityId: randomUUID(),
      payload: SAMPLE_EVENT_PAYLOADS[type][version],
      schemaVersion: version,
      createdAt: new Date('2026-11-30T08:00:00.000Z'),
    },
    1n,
  );
}

/** The row an update applies to: the table's creation sample, under the id the update names. */
function existingRow(
  projection: (typeof ENTITY_PROJECTIONS)[number],
  id: string,
  companyId: string,
): TrackedRow | null {
  for (const [type, handler] of Object.entries(projection.on)) {
    if (!handler || !('create' in handler)) continue;
    const eventType = type as EventType;
    const created = sampleLogged(eventType, EVENT_SCHEMA_VERSION[eventType], companyId);
    const row = evolve(projection, null, created);
    return row ? { ...row, id } : null;
  }
  return null;
}

/**
 * Applies one event to every projection that takes it, over a row made from
 * the table's creation sample when the event changes an existing row. Returns
 * the rows it produced, each carrying the event's id.
 */
export function applyToSampleRows(event: AnyStoredEvent): TrackedRow[] {
  const rows: TrackedRow[] = [];
  for (const projection of ENTITY_PROJECTIONS) {
    const target = rowIdOf(projection, event);
    if (!target) continue;
    const before = target.creates ? null : existingRow(projection, target.id, event.companyId);
    const after = evolve(projection, before, event);
    if (after) rows.push(after);
  }
  return rows;
}
