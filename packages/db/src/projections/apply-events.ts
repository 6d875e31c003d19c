import type { SqlStatement } from '../direct-reads.ts';
import type { AnyStoredEvent } from '../stored-event.ts';
import type { CommandTx } from '../transaction-connections.ts';
import { sql, sqlOf, writeSqlOf } from '../transaction-connections.ts';
import type { TableProjection, TrackedRow } from './define-projection.ts';
import { erasedPersonOf, eraseRow, evolve, rowIdOf } from './evolve.ts';
import { ENTITY_PROJECTIONS } from './registry.ts';
import { fromColumns, snakeCase, toColumns } from './row-state.ts';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  // Table and column names come from the projection definitions, never from
  // input; the check keeps it that way.
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

interface Touched<Row> {
  row: Row | null;
  existed: boolean;
}

// Rows are found by their ids given as an array (`t.id = ANY($n)`), which the planner sizes by
// the array and answers through the primary key. Given as a set-returning function over a
// JSON parameter (`IN (SELECT … jsonb_array_elements_text($1))`, or only the join to
// jsonb_populate_recordset), the planner guessed 100 rows whatever the count and, with the
// table under ~20,000 rows, hashed the whole table to find one: an amend read every check-in
// in the database (issue 10: amends fell from 171/s to 92/s between 16 and 64 connections).

/** Reads the current rows of `ids` (statement builders exported for the plans' test). */
export function loadRowsStatement(table: string, ids: readonly string[]): SqlStatement {
  return sql(
    `SELECT to_jsonb(t) AS row FROM ${identifier(table)} t WHERE t.id = ANY($1::uuid[])`,
    ids,
  );
}

/** Writes `rows` (all with the same columns) over the rows with their ids. */
export function updateRowsStatement(table: string, rows: readonly TrackedRow[]): SqlStatement {
  const t = identifier(table);
  const columns = Object.keys(rows[0] ?? {})
    .map(snakeCase)
    .filter((column) => column !== 'id')
    .map(identifier);
  return sql(
    `UPDATE ${t} AS t SET (${columns.join(', ')}) = ROW(${columns.map((c) => `s.${c}`).join(', ')})
     FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb) AS s
     WHERE t.id = ANY($2::uuid[]) AND t.id = s.id`,
    JSON.stringify(rows.map(toColumns)),
    rows.map((row) => row.id),
  );
}

async function loadRows<Row extends TrackedRow>(
  tx: CommandTx,
  table: string,
  ids: readonly string[],
): Promise<Map<string, Row>> {
  const found = new Map<string, Row>();
  if (ids.length === 0) return found;
  const rows = await sqlOf(tx).rows<{ row: Record<string, unknown> }>(
    loadRowsStatement(table, ids),
  );
  for (const { row } of rows) {
    const value = fromColumns(row) as Row;
    found.set(value.id, value);
  }
  return found;
}

async function insertRows(tx: CommandTx, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const t = identifier(table);
  await writeSqlOf(tx).run(
    sql(
      `INSERT INTO ${t} SELECT * FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)`,
      JSON.stringify(rows.map(toColumns)),
    ),
  );
}

async function updateRows(
  tx: CommandTx,
  table: string,
  rows: readonly TrackedRow[],
): Promise<void> {
  if (rows.length > 0) await writeSqlOf(tx).run(updateRowsStatement(table, rows));
}

async function applyToTable<Row extends TrackedRow>(
  tx: CommandTx,
  projection: TableProjection<Row>,
  events: readonly AnyStoredEvent[],
): Promise<void> {
  // Each event's row, worked out once: the load and the fold both need it.
  const relevant: Array<{ event: AnyStoredEvent; id: string }> = [];
  const created = new Set<string>();
  const toLoad = new Set<string>();
  for (const event of events) {
    const target = rowIdOf(projection, event);
    if (!target) continue;
    relevant.push({ event, id: target.id });
    if (target.creates) created.add(target.id);
    else if (!created.has(target.id)) toLoad.add(target.id);
  }
  if (relevant.length === 0) return;
  const loaded = await loadRows<Row>(tx, projection.table, [...toLoad]);
  const touched = new Map<string, Touched<Row>>();
  // Every state a row passes through is a version; evolve dates each change
  // strictly after the row's previous one, so (id, updated_at) stays unique.
  const versions: Row[] = [];
  for (const [id, row] of loaded) touched.set(id, { row, existed: true });
  for (const { event, id } of relevant) {
    const entry = touched.get(id) ?? { row: null, existed: false };
    entry.row = evolve(projection, entry.row, event);
    touched.set(id, entry);
    if (projection.versions && entry.row) versions.push(entry.row);
  }
  const updates: Row[] = [];
  const inserts: Row[] = [];
  for (const { row, existed } of touched.values()) {
    if (!row) continue;
    (existed ? updates : inserts).push(row);
  }
  // Updates first: a row that frees a unique value (a deactivated team's name)
  // does so before a new row takes it.
  await updateRows(tx, projection.table, updates);
  await insertRows(tx, projection.table, inserts);
  if (projection.versions) await insertRows(tx, projection.versions, versions);
}

/** The rows about an erased person cleared (PERSON_ERASED; docs/decisions/039). */
async function eraseInTable<Row extends TrackedRow>(
  tx: CommandTx,
  projection: TableProjection<Row>,
  event: AnyStoredEvent,
  personId: string,
): Promise<void> {
  if (!projection.erase) return;
  const rows = await sqlOf(tx).rows<{ row: Record<string, unknown> }>(
    sql(
      `SELECT to_jsonb(t) AS row FROM ${identifier(projection.table)} t WHERE ${projection.erase.where}`,
      personId,
    ),
  );
  const erased = rows.map(({ row }) => eraseRow(projection, fromColumns(row) as Row, event));
  await updateRows(tx, projection.table, erased);
}

// A batch split at each PERSON_ERASED, which then applies alone: it clears rows found by a
// query, which must see every row the events before it created.
function splitAtErasures(events: readonly AnyStoredEvent[]): AnyStoredEvent[][] {
  const parts: AnyStoredEvent[][] = [[]];
  for (const event of events) {
    if (erasedPersonOf(event) !== null) parts.push([event], []);
    else parts[parts.length - 1]?.push(event);
  }
  return parts.filter((part) => part.length > 0);
}

/**
 * The one set-based writer behind every projection. For each entity table it
 * loads the rows the batch changes (one query), folds the batch's events into
 * them with the pure `evolve`, and writes the result with one UPDATE and one
 * INSERT. A live command applies a batch of one command's events; replay
 * applies thousands at a time. Foreign keys between entity tables are deferred
 * to commit, so tables may be written in any order.
 */
export async function applyEvents(tx: CommandTx, events: readonly AnyStoredEvent[]): Promise<void> {
  for (const part of splitAtErasures(events)) {
    const [first] = part;
    const erasedPerson = part.length === 1 && first ? erasedPersonOf(first) : null;
    for (const projection of ENTITY_PROJECTIONS) {
      if (first && erasedPerson) await eraseInTable(tx, projection, first, erasedPerson);
      await applyToTable(tx, projection, part);
    }
  }
}
