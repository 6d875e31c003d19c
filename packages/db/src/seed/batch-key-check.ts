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
  const found = await client.query<ForeignKey & { match: string }>(
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
  return { mode: 'per-batch', keys: found.rows.map(({ match: _match, ...key }) => key) };
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
  field: (column: string) => string = camelCase,
): BatchKeyValues[] {
  return keys
    .filter((key) => key.table === table)
    .map((key) => {
      const fields = key.columns.map(field);
      const seen = new Set<string>();
      const values: string[][] = key.columns.map(() => []);
      for (const row of rows) {
        const record = row as Record<string, unknown>;
        const tuple = fields.map((name) => record[name]);
        if (tuple.some((value) => value === null || value === undefined)) continue;
        const text = tuple.map(String);
        const joined = text.join('\u0000');
        if (seen.has(joined)) continue;
        seen.add(joined);
        text.forEach((value, index) => {
          values[index]?.push(value);
        });
      }
      return { key, values };
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
