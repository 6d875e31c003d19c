import type pg from 'pg';
import { ident } from './copy-rows.ts';

// What `pnpm db:replay --verify` and the seed and rebuild tests compare: every log, entity and
// history table of the guard registry (so a new table is compared without being listed here),
// and the notifications read model without its read marks, row by row, as JSON.

/** Columns that name a row's place in one database, not its content. */
const LOCAL_COLUMNS: Record<string, readonly string[]> = { events: ['position', 'tx_id'] };

/**
 * Notifications as events make them: read and archived marks are the recipients' (not events),
 * and reminders have no causing event (decision 015).
 */
const NOTIFICATIONS_SQL = `SELECT jsonb_build_object(
    'id', id, 'company_id', company_id, 'recipient_id', recipient_id, 'kind', kind,
    'group_key', group_key, 'event_id', event_id, 'event_ids', event_ids, 'data', data,
    'created_at', created_at)::text AS row
  FROM notifications WHERE company_id = $1 AND event_id IS NOT NULL ORDER BY 1`;

export interface TableDifference {
  table: string;
  /** Rows in the first database. */
  rows: number;
  /** Rows of the first database the second lacks, and the other way round (as JSON text). */
  missing: string[];
  extra: string[];
}

async function rowsOf(client: pg.Client, table: string, column: string, companyId: string) {
  const text =
    table === 'notifications'
      ? NOTIFICATIONS_SQL
      : `SELECT (to_jsonb(t)${(LOCAL_COLUMNS[table] ?? []).map((name) => ` - '${name}'`).join('')})::text AS row
         FROM ${ident(table)} t WHERE ${ident(column)} = $1 ORDER BY 1`;
  const result = await client.query<{ row: string }>(text, [companyId]);
  return result.rows.map((row) => row.row);
}

/**
 * One company's rows in two databases (owner connections), table by table: every table of
 * the first's registry of kind log, entity or history, then notifications. Each entry lists
 * the rows only one side has; equal databases give entries with both lists empty.
 */
export async function compareCompany(
  first: pg.Client,
  second: pg.Client,
  companyId: string,
): Promise<TableDifference[]> {
  const registry = await first.query<{ table_name: string; company_column: string }>(
    `SELECT table_name, company_column FROM app_table_registry
     WHERE kind IN ('log', 'entity', 'history') ORDER BY table_name`,
  );
  const tables = [
    ...registry.rows.map((row) => ({ table: row.table_name, column: row.company_column })),
    { table: 'notifications', column: 'company_id' },
  ];
  const differences: TableDifference[] = [];
  for (const { table, column } of tables) {
    const [mine, theirs] = await Promise.all([
      rowsOf(first, table, column, companyId),
      rowsOf(second, table, column, companyId),
    ]);
    const theirSet = new Set(theirs);
    const mineSet = new Set(mine);
    differences.push({
      table,
      rows: mine.length,
      missing: mine.filter((row) => !theirSet.has(row)),
      extra: theirs.filter((row) => !mineSet.has(row)),
    });
  }
  return differences;
}
