import { randomUUID } from 'node:crypto';
import {
  EVENT_SCHEMA_VERSION,
  type EventType,
  entityOf,
  SAMPLE_EVENT_PAYLOADS,
  upcastPayload,
} from '@aegira/events';
import { describe, expect, it } from 'vitest';
import type { TableProjection, TrackedRow } from '../projections/define-projection.ts';
import { rowIdOf } from '../projections/evolve.ts';
import {
  checkInProjection,
  holidayProjection,
  leaveProjection,
  missedCheckInProjection,
  personProjection,
  teamProjection,
  teamTransferProjection,
} from '../projections/index.ts';
import type { AnyStoredEvent } from '../stored-event.ts';

// foldEntities finds a row's events by the entity they are filed under (EVENT_ENTITIES):
// the row itself, or for transfers their person (the caller passes `filedUnder`). If an
// event type ever changed a row while filed under something else, a state as of a date
// would silently miss it; these tables are the ones the as-of reads fold.

function sampleEvent(type: EventType): AnyStoredEvent {
  const version = EVENT_SCHEMA_VERSION[type];
  const payload = upcastPayload(type, version, SAMPLE_EVENT_PAYLOADS[type][version]);
  return {
    id: randomUUID(),
    companyId: randomUUID(),
    actorId: null,
    actorTokenId: null,
    type,
    ...entityOf(type, payload as never),
    payload,
    position: 1n,
    createdAt: new Date('2026-10-01T10:00:00Z'),
  } as AnyStoredEvent;
}

const typesOf = (projection: TableProjection<TrackedRow>) =>
  Object.keys(projection.on) as EventType[];

describe('the events of a folded row', () => {
  const filedUnderTheRow = [
    personProjection,
    teamProjection,
    checkInProjection,
    missedCheckInProjection,
    leaveProjection,
    holidayProjection,
  ] as unknown as Array<TableProjection<TrackedRow>>;

  for (const projection of filedUnderTheRow) {
    it(`given a ${projection.table} event, then it is filed under the row it changes`, () => {
      for (const type of typesOf(projection)) {
        const event = sampleEvent(type);
        expect(rowIdOf(projection, event)?.id, type).toBe(event.entityId);
      }
    });
  }

  it("given a transfer event, then it is filed under the transfer's person", () => {
    const projection = teamTransferProjection as unknown as TableProjection<TrackedRow>;
    for (const type of typesOf(projection)) {
      const event = sampleEvent(type);
      expect(event.entityType, type).toBe('person');
      expect(event.entityId, type).toBe((event.payload as { personId: string }).personId);
      expect(rowIdOf(projection, event)?.id, type).toBe(
        (event.payload as { transferId: string }).transferId,
      );
    }
  });
});
