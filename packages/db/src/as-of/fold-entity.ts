import { type EventType, entityTypeOf } from '@aegira/events';
import type { ReadTx } from '../client.ts';
import type { TableProjection, TrackedRow } from '../projections/define-projection.ts';
import { evolve, rowIdOf } from '../projections/evolve.ts';
import { type LoggedEvent, upcastLoggedEvent } from '../replay.ts';
import { keyRingFor } from '../sealing/person-keys.ts';
import type { AnyStoredEvent } from '../stored-event.ts';

/**
 * Where the log is cut for a state as of a point in the past: every event created at or
 * before `at`, or every event up to and including a log `position`.
 */
export type LogCut = { at: Date } | { position: bigint };

/** One entity's row at a cut (null: it did not exist yet) and the events folded into it. */
export interface FoldedEntity<Row> {
  row: Row | null;
  /** In log order, upcast to their current payload versions. */
  events: AnyStoredEvent[];
}

/** The event types a projection reacts to, and the entity types those events are filed under. */
function filterOf(projection: TableProjection<TrackedRow>) {
  const types = Object.keys(projection.on) as EventType[];
  return { types, entityTypes: [...new Set(types.map(entityTypeOf))] };
}

function cutFilter(cut: LogCut) {
  return 'at' in cut ? { createdAt: { lte: cut.at } } : { position: { lte: cut.position } };
}

export interface FoldOptions {
  /**
   * The entities (EVENT_ENTITIES) the rows' events are filed under, when not the rows
   * themselves: a transfer's events are its person's history, so transfers are folded
   * from their people's events.
   */
  filedUnder?: readonly string[];
}

/**
 * The rows of `ids` of one table as of `cut`, folded in memory from the log with the
 * table's own projection (the live write path's `evolve`): the state as of a date is
 * the same code path as the present, only on fewer events. Reads through the caller's
 * tenant-bound transaction, so another company's events are invisible (row-level
 * security). Every id asked for is in the answer; those not created by the cut have a
 * null row.
 */
export async function foldEntities<Row extends TrackedRow>(
  read: ReadTx,
  projection: TableProjection<Row>,
  ids: readonly string[],
  cut: LogCut,
  options: FoldOptions = {},
): Promise<Map<string, FoldedEntity<Row>>> {
  const folded = new Map<string, FoldedEntity<Row>>(
    ids.map((id) => [id, { row: null, events: [] }]),
  );
  if (folded.size === 0) return folded;
  const { types, entityTypes } = filterOf(projection as unknown as TableProjection<TrackedRow>);
  // An event is filed under an entity (EVENT_ENTITIES): the row itself for most tables,
  // so the (company, entity type, entity id, position) index finds a row's events.
  const stored = await read.event.findMany({
    where: {
      entityType: { in: entityTypes },
      entityId: { in: [...(options.filedUnder ?? folded.keys())] },
      type: { in: types },
      ...cutFilter(cut),
    },
    orderBy: { position: 'asc' },
  });
  // Sealed fields open with their people's keys; erased ones stay null (decision 039).
  const keys = await keyRingFor(
    read,
    stored.map((row) => row.payload),
  );
  for (const row of stored) {
    const logged: LoggedEvent = {
      id: row.id,
      companyId: row.companyId,
      actorId: row.actorId,
      actorTokenId: row.actorTokenId,
      type: row.type,
      entityType: row.entityType,
      entityId: row.entityId,
      payload: row.payload,
      schemaVersion: row.schemaVersion,
      createdAt: row.createdAt,
    };
    const event = upcastLoggedEvent(logged, row.position, keys);
    const target = rowIdOf(projection, event);
    const entity = target ? folded.get(target.id) : undefined;
    if (!entity) continue;
    entity.row = evolve(projection, entity.row, event);
    entity.events.push(event);
  }
  return folded;
}

/** One entity's row as of `cut` (see foldEntities). */
export async function foldEntity<Row extends TrackedRow>(
  read: ReadTx,
  projection: TableProjection<Row>,
  id: string,
  cut: LogCut,
): Promise<FoldedEntity<Row>> {
  const folded = await foldEntities(read, projection, [id], cut);
  return folded.get(id) ?? { row: null, events: [] };
}
