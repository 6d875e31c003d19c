import type pg from 'pg';
import { camelCase } from '../projections/row-state.ts';
import { ident } from '../rebuild/copy-rows.ts';

// Foreign keys checked once per bulk batch instead of once per row (decision 037). PostgreSQL
// checks a key row by row, with a lookup and a row lock on the referenced row, queued to
// COMMIT for the deferred ones: about a third of what a check-in cost the database. In a
// bulk batch the rows are known in Node before they are sent, so each key is checked with
// one anti-join of the batch's distinct referencing values against the referenced table,
// before COMMIT; a batch naming anything missing is refused and rolled back, as the
// constraint would. The row-by-row checks are skipped for the batch's COPYs with
// `SET LOCAL session_replication_role = replica`, which skips only triggers not marked
// ENABLE ALWAYS: the guards (own event, append only, tx_id stamp) are ALWAYS and still run,
// and this mode is used only when the written tables have no other such trigger.

/** A foreign key of a written table, as pg_constraint states it. */
export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  referenced: string;
  referencedColumns: string[];
  /** The referenced columns' types, to cast the checked values to. */
  types: string[];
  /**
   * Whether the table's own-event guards already prove this key for the rows they see: a key
   * (company, event_id) to the log, for rows inserted and for rows updated.
   */
  provenBy: { insert: boolean; update: boolean };
}

/** How a bulk batch's keys are checked: row by row by PostgreSQL, or per batch here. */
export type KeyChecking =
  | { mode: 'per-row'; reason: string }
  | { mode: 'per-batch'; keys: ForeignKey[] };

/**
 * Per batch when the owner may set session_replication_role (a superuser), every key of the
 * written tables is MATCH SIMPLE between plain columns, and no trigger there other than the
 * internal foreign-key ones would be skipped; row by row otherwise.
 */
export async function keyCheckingFor(
  client: pg.Client,
  tables: readonly string[],
): Promise<KeyChecking> {
  const role = await client.query<{ superuser: boolean }>(
    'SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
  );
  if (!role.rows[0]?.superuser) return { mode: 'per-row', reason: 'the owner is not a superuser' };
  const skipped = await client.query<{ name: string }>(
    `SELECT t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1::text[])
       AND NOT t.tgisinternal AND t.tgenabled <> 'A'`,
    [tables],
  );
  if (skipped.rows.length > 0) {
    const names = skipped.rows.map((row) => row.name).join(', ');
    return { mode: 'per-row', reason: `triggers not marked ENABLE ALWAYS: ${names}` };
  }
  const found = await client.query<Omit<ForeignKey, 'provenBy'> & { match: string }>(
    `SELECT c.conname AS name, t.relname AS table, r.relname AS referenced,
            c.confmatchtype::text AS match,
            array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)
              AS columns,
            array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)
              AS "referencedColumns",
            array(SELECT format_type(a.atttypid, a.atttypmod) FROM unnest(c.confkey)
                  WITH ORDINALITY k(n, o)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)
              AS types
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_class r ON r.oid = c.confrelid
     WHERE c.contype = 'f' AND t.relnamespace = 'public'::regnamespace
       AND t.relname = ANY($1::text[])
     ORDER BY t.relname, c.conname`,
    [tables],
  );
  if (found.rows.some((key) => key.match !== 's')) {
    return { mode: 'per-row', reason: 'a foreign key is not MATCH SIMPLE' };
  }
  const guarded = await ownEventGuarded(client, tables);
  const keys: ForeignKey[] = found.rows.map(({ match: _match, ...key }) => ({
    ...key,
    provenBy: provenBy(key, guarded),
  }));
  // The referenced tables (people, teams: the company was made a moment ago) have no planner
  // statistics yet; without them the anti-join probed persons by its (company_id, team_id)
  // index and filtered ~500 rows a value (0.5–1 s a key per batch of 1,000 people, a third of
  // the database's time). ANALYZE samples a table and takes no lock that blocks writes. Not
  // the log: the keys to it are the guards' (provenBy), and it can be large.
  const referenced = [...new Set(keys.map((key) => key.referenced))]
    .filter((table) => table !== 'events')
    .sort();
  if (referenced.length > 0) await client.query(`ANALYZE ${referenced.map(ident).join(', ')}`);
  return { mode: 'per-batch', keys };
}

/**
 * Per written table and company column, the statements its own-event guards
 * (app_require_own_event, ENABLE ALWAYS) check. Such a guard refuses any row whose (company,
 * event_id) is not an event of this transaction, so it already proves that row's key to the
 * log: checking the key again cost a lookup per row (every row names its own event).
 */
async function ownEventGuarded(
  client: pg.Client,
  tables: readonly string[],
): Promise<Map<string, { company: string; insert: boolean; update: boolean }>> {
  const result = await client.query<{ table: string; args: string; kinds: number }>(
    `SELECT c.relname AS table, encode(t.tgargs, 'escape') AS args,
            bit_or(t.tgtype::int & 20) AS kinds
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
     WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1::text[])
       AND p.proname = 'app_require_own_event' AND t.tgenabled = 'A' AND t.tgnargs = 1
     GROUP BY 1, 2`,
    [tables],
  );
  const guarded = new Map<string, { company: string; insert: boolean; update: boolean }>();
  for (const row of result.rows) {
    guarded.set(row.table, {
      // The one argument, as `company_id\000`.
      company: row.args.replace(/\\000$/, ''),
      insert: (row.kinds & 4) !== 0,
      update: (row.kinds & 16) !== 0,
    });
  }
  return guarded;
}

function provenBy(
  key: Omit<ForeignKey, 'provenBy'>,
  guarded: ReadonlyMap<string, { company: string; insert: boolean; update: boolean }>,
): ForeignKey['provenBy'] {
  const guard = guarded.get(key.table);
  const toOwnEvent =
    guard !== undefined &&
    key.referenced === 'events' &&
    key.columns.join() === `${guard.company},event_id` &&
    key.referencedColumns.join() === 'company_id,id';
  return {
    insert: toOwnEvent && (guard?.insert ?? false),
    update: toOwnEvent && (guard?.update ?? false),
  };
}

/** A key's distinct referencing values among a batch's rows, one array per column. */
export interface BatchKeyValues {
  key: ForeignKey;
  values: string[][];
}

/**
 * The distinct referencing values of `rows` (objects with camelCase fields, or the log's
 * snake_case columns when `snake`) for every key of `table`; a row with a null in the key
 * is not checked (MATCH SIMPLE).
 */
export function keyValues(
  keys: readonly ForeignKey[],
  table: string,
  rows: readonly object[],
  written: 'insert' | 'update',
  field: (column: string) => string = camelCase,
): BatchKeyValues[] {
  const found: BatchKeyValues[] = [];
  for (const key of keys) {
    if (key.table !== table || key.provenBy[written] || rows.length === 0) continue;
    const fields = key.columns.map(field);
    const values: string[][] = key.columns.map(() => []);
    // Plain loops and one string per row: this runs for every row and key of a batch.
    const seen = new Set<string>();
    for (const row of rows) {
      const record = row as Record<string, unknown>;
      let joined = '';
      let complete = true;
      for (const [index, name] of fields.entries()) {
        const value = record[name];
        if (value === null || value === undefined) {
          complete = false;
          break;
        }
        joined = index === 0 ? String(value) : `${joined}\u0000${String(value)}`;
      }
      if (!complete || seen.has(joined)) continue;
      seen.add(joined);
      for (const [index, name] of fields.entries()) values[index]?.push(String(record[name]));
    }
    found.push({ key, values });
  }
  return found;
}

/**
 * The values left to check once those naming a row the batch itself writes are dropped: that
 * row exists at COMMIT (rows are never deleted), and looking it up in a table written a moment
 * ago, before it has planner statistics, probed a non-unique index row by row.
 */
export function omitWrittenInBatch(
  batch: readonly BatchKeyValues[],
  written: ReadonlyMap<string, readonly object[]>,
): BatchKeyValues[] {
  return batch.map(({ key, values }) => {
    const rows = written.get(key.referenced);
    const first = values[0];
    if (!rows || rows.length === 0 || !first) return { key, values };
    const fields = key.referencedColumns.map(camelCase);
    const present = new Set<string>();
    for (const row of rows) {
      const record = row as Record<string, unknown>;
      present.add(fields.map((name) => String(record[name])).join('\u0000'));
    }
    const kept: string[][] = values.map(() => []);
    for (let index = 0; index < first.length; index += 1) {
      const tuple = values.map((column) => column[index] ?? '');
      if (present.has(tuple.join('\u0000'))) continue;
      for (const [column, value] of tuple.entries()) kept[column]?.push(value);
    }
    return { key, values: kept };
  });
}

/** Refuses the batch (throws, naming the key and a value) if any value has no referenced row. */
export async function checkKeys(client: pg.Client, batch: readonly BatchKeyValues[]) {
  for (const { key, values } of batch) {
    if ((values[0]?.length ?? 0) === 0) continue;
    const from = key.columns.map((_, index) => `$${index + 1}::text[]`).join(', ');
    const names = key.columns.map((_, index) => `k${index}`);
    const match = key.referencedColumns
      .map((column, index) => `r.${ident(column)} = v.k${index}::${key.types[index]}`)
      .join(' AND ');
    const missing = await client.query<Record<string, string>>(
      `SELECT v.* FROM unnest(${from}) AS v(${names.join(', ')})
       WHERE NOT EXISTS (SELECT 1 FROM ${ident(key.referenced)} r WHERE ${match}) LIMIT 1`,
      values,
    );
    const row = missing.rows[0];
    if (row) {
      const shown = key.columns.map((column, index) => `${column}=${row[`k${index}`]}`);
      throw new Error(
        `insert or update on table "${key.table}" violates foreign key constraint "${key.name}": (${shown.join(', ')}) is not present in table "${key.referenced}"`,
      );
    }
  }
}
