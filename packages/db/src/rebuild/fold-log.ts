import type { EventType } from '@aegira/events';
import {
  type NotificationDraftRow,
  notificationDraftRows,
} from '../notifications/derive-notifications.ts';
import type { Handler, TableProjection, TrackedRow } from '../projections/define-projection.ts';
import { erasedPersonOf, eraseRow, evolve, rowIdOf } from '../projections/evolve.ts';
import { ENTITY_PROJECTIONS } from '../projections/registry.ts';
import type { AnyStoredEvent } from '../stored-event.ts';

/** One entity table folded over a whole log: its final rows and, if it keeps them, every version. */
export interface FoldedTable {
  projection: TableProjection<TrackedRow>;
  /** Final state by id, in the order rows were first touched. */
  rows: Map<string, TrackedRow>;
  /** Every state a row passed through, in log order (for the versions table). */
  versions: TrackedRow[];
}

/**
 * The whole log folded in memory with the live write path's own pure `evolve`, as the
 * set-based writer folds one batch (projections/apply-events.ts) — here the batch is the
 * whole log and nothing exists before it, so every row is written once, at its final state.
 * Also collects the notification drafts of every event, numbered in log order.
 */
export class LogFold {
  readonly tables: FoldedTable[] = ENTITY_PROJECTIONS.map((projection) => ({
    projection,
    rows: new Map(),
    versions: [],
  }));
  readonly drafts: NotificationDraftRow[] = [];
  /** Events folded so far. */
  count = 0;
  // Per event type, the tables that react to it (most types: one), so an event
  // is not offered to every projection.
  private readonly byType = new Map<EventType, FoldedTable[]>();

  constructor() {
    for (const table of this.tables) {
      for (const type of Object.keys(table.projection.on) as EventType[]) {
        const list = this.byType.get(type) ?? [];
        list.push(table);
        this.byType.set(type, list);
      }
    }
  }

  add(event: AnyStoredEvent): void {
    const erasedPerson = erasedPersonOf(event);
    if (erasedPerson !== null) this.erase(event, erasedPerson);
    for (const table of this.byType.get(event.type) ?? []) {
      const next = this.next(table, event);
      if (!next) continue;
      const [id, row] = next;
      table.rows.set(id, row);
      if (table.projection.versions) table.versions.push(row);
    }
    const drafts = notificationDraftRows([event], this.count);
    if (drafts.length > 0) this.drafts.push(...drafts);
    this.count += 1;
  }

  // The row this event leaves in the table. A creating event is evolved from nothing once:
  // rowIdOf would build the whole row a first time only to learn its id.
  private next(table: FoldedTable, event: AnyStoredEvent): [string, TrackedRow] | null {
    const handler = table.projection.on[event.type] as Handler<TrackedRow, EventType> | undefined;
    if (handler && 'create' in handler) {
      const row = evolve(table.projection, null, event);
      if (!row) return null;
      const existing = table.rows.get(row.id);
      // Evolved again over the row that exists, to refuse as evolve refuses (ProjectionError).
      if (existing) evolve(table.projection, existing, event);
      return [row.id, row];
    }
    const target = rowIdOf(table.projection, event);
    if (!target) return null;
    const row = evolve(table.projection, table.rows.get(target.id) ?? null, event);
    return row ? [target.id, row] : null;
  }

  // PERSON_ERASED clears the person's rows in every table that says how (docs/decisions/039).
  private erase(event: AnyStoredEvent, personId: string): void {
    const rowsOf = (name: string) =>
      this.tables.find(({ projection }) => projection.table === name)?.rows.values() ?? [];
    for (const table of this.tables) {
      const { erase } = table.projection;
      if (!erase) continue;
      for (const [id, row] of table.rows) {
        if (!erase.belongs(row, personId, rowsOf)) continue;
        const erased = eraseRow(table.projection, row, event);
        table.rows.set(id, erased);
        if (table.projection.versions) table.versions.push(erased);
      }
    }
  }
}
