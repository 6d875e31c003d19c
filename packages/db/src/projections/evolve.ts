import type { EventType } from '@aegira/events';
import type { AnyStoredEvent } from '../stored-event.ts';
import type { Handler, TableProjection, TrackedRow } from './define-projection.ts';

/** A projection met an event its rows cannot take: a bug or a corrupt log, never user input. */
export class ProjectionError extends Error {
  override name = 'ProjectionError';
}

function handlerOf<Row extends TrackedRow>(
  projection: TableProjection<Row>,
  event: AnyStoredEvent,
): Handler<Row, EventType> | undefined {
  return projection.on[event.type] as Handler<Row, EventType> | undefined;
}

/** The id of the row of this table that `event` creates or changes, or null if none. */
export function rowIdOf<Row extends TrackedRow>(
  projection: TableProjection<Row>,
  event: AnyStoredEvent,
): { id: string; creates: boolean } | null {
  const handler = handlerOf(projection, event);
  if (!handler) return null;
  if ('create' in handler) return { id: handler.create(event).id, creates: true };
  // Loaded like an update; evolve creates it when nothing was there.
  if ('upsert' in handler) return { id: handler.upsertId(event), creates: false };
  return { id: handler.rowId(event.payload), creates: false };
}

/**
 * The pure step: a row (or null before it exists) and one event give the next
 * row. Every row carries the event that last changed it and that event's time.
 */
export function evolve<Row extends TrackedRow>(
  projection: TableProjection<Row>,
  row: Row | null,
  event: AnyStoredEvent,
): Row | null {
  const handler = handlerOf(projection, event);
  if (!handler) return row;
  const at = event.createdAt.toISOString();
  const tenancy = projection.companyColumn === 'company_id' ? { companyId: event.companyId } : {};
  // NewRow<Row> plus the tracked fields is Row; TypeScript cannot see through Omit here.
  const created = (fields: object) =>
    ({ ...fields, ...tenancy, eventId: event.id, createdAt: at, updatedAt: at }) as unknown as Row;
  if ('upsert' in handler) {
    const fields = handler.upsert(row, event);
    if (row) return { ...row, ...fields, eventId: event.id, updatedAt: after(row, event) };
    return created(fields);
  }
  if ('create' in handler) {
    const fields = handler.create(event);
    if (row) {
      throw new ProjectionError(
        `${event.type} creates ${projection.table} ${fields.id}, which exists`,
      );
    }
    return created(fields);
  }
  if (!row) {
    throw new ProjectionError(
      `${event.type} changes ${projection.table} ${handler.rowId(event.payload)}, which does not exist`,
    );
  }
  return { ...handler.evolve(row, event), eventId: event.id, updatedAt: after(row, event) };
}

/** The person a PERSON_ERASED event erases, or null for any other event. */
export function erasedPersonOf(event: AnyStoredEvent): string | null {
  return event.type === 'PERSON_ERASED' ? event.payload.id : null;
}

/** A row about an erased person after PERSON_ERASED: its sensitive columns cleared. */
export function eraseRow<Row extends TrackedRow>(
  projection: TableProjection<Row>,
  row: Row,
  event: AnyStoredEvent,
): Row {
  if (!projection.erase) return row;
  return { ...row, ...projection.erase.cleared, eventId: event.id, updatedAt: after(row, event) };
}

/**
 * The time of a change: its event's, or one millisecond after the row's last
 * change when that is not earlier (two transactions can start in the same
 * millisecond). A row's versions are then strictly ordered by updated_at
 * (docs/decisions/012), and replay, folding the same events, gets the same times.
 */
function after(row: TrackedRow, event: AnyStoredEvent): string {
  const previous = Date.parse(row.updatedAt);
  const at = event.createdAt.getTime();
  return new Date(Number.isNaN(previous) || at > previous ? at : previous + 1).toISOString();
}

/** An entity's row after a sequence of its events, folded in memory (state as of a point in the log). */
export function foldRow<Row extends TrackedRow>(
  projection: TableProjection<Row>,
  events: readonly AnyStoredEvent[],
  initial: Row | null = null,
): Row | null {
  return events.reduce<Row | null>((row, event) => evolve(projection, row, event), initial);
}
