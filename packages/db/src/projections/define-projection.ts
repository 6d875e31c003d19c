import type { EventPayload, EventType } from '@aegira/events';
import type { StoredEvent } from '../stored-event.ts';
import type { TrackedField } from './row-state.ts';

/** What every entity row has: its id and the time of its last change. */
export interface TrackedRow {
  id: string;
  updatedAt: string;
}

/** The fields an event sets when it creates a row; the write path adds the tracked ones. */
export type NewRow<Row> = Omit<Row, TrackedField>;

// Method syntax on purpose: a handler written for one event type is then usable
// where the applier holds it under the union of all types.
export interface CreateHandler<Row, K extends EventType> {
  create(event: StoredEvent<K>): NewRow<Row>;
}
export interface UpdateHandler<Row, K extends EventType> {
  /** The row this event changes. */
  rowId(payload: EventPayload<K>): string;
  evolve(row: Row, event: StoredEvent<K>): Row;
}
/**
 * Creates the row on its first event and changes it on later ones: a per-company
 * counter (record_sequences) that no earlier event creates. The caller serialises
 * the events that touch one such row (an advisory lock in decide).
 */
export interface UpsertHandler<Row, K extends EventType> {
  /** The row this event creates or changes; the whole event, as the row may be keyed by its company. */
  upsertId(event: StoredEvent<K>): string;
  /** The row's own fields after the event, from the row before it (null if none). */
  upsert(row: Row | null, event: StoredEvent<K>): NewRow<Row>;
}
export type Handler<Row, K extends EventType> =
  | CreateHandler<Row, K>
  | UpdateHandler<Row, K>
  | UpsertHandler<Row, K>;

/**
 * One entity table's projection: for each event type it reacts to, how the
 * event creates or changes one row. Pure: no I/O. The live write path (a batch
 * of one command's events), replay (large batches) and state as of a date
 * (folded in memory) all run these same handlers.
 */
export interface TableProjection<Row extends TrackedRow> {
  table: string;
  /** The column that scopes a row to its company ('id' for companies themselves). */
  companyColumn: 'company_id' | 'id';
  /**
   * An append-only table that keeps every version of the rows, valid from
   * their updated_at (docs/decisions/012-validity-periods.md), with the same
   * columns as `table`.
   */
  versions?: string;
  on: { readonly [K in EventType]?: Handler<Row, K> };
  /**
   * What PERSON_ERASED clears in this table's rows about the erased person (their health or
   * incident content; docs/decisions/039). The rows are found by `where` in the database (an SQL
   * condition on the table aliased `t`, with the person's id as `$1`) and by `belongs` in memory
   * (replay folds the whole log): the two must select the same rows.
   */
  erase?: {
    cleared: Partial<NewRow<Row>>;
    where: string;
    belongs(row: Row, personId: string, rowsOf: (table: string) => Iterable<TrackedRow>): boolean;
  };
}

export function defineProjection<Row extends TrackedRow>(
  projection: TableProjection<Row>,
): TableProjection<Row> {
  return projection;
}
