import { Prisma, type ReadTx } from '@aegira/db';
import type { Json } from '../audit/redaction.ts';

/** One exported row: its columns (camelCase), as PostgreSQL renders them in JSON. */
export type JsonRow = { [column: string]: Json };

/** A row the person only acted on (recorded, reviewed, leads): where it is, never what it says. */
export interface RowReference {
  table: string;
  id: string;
  column: string;
  createdAt: string | null;
}

const IDENTIFIER = /^[a-z_]+$/;

/** Table and column names come from the registry (constants), checked all the same. */
function identifier(name: string): Prisma.Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  return Prisma.raw(`"${name}"`);
}

function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

function isJsonRecord(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function camelRow(row: unknown): JsonRow {
  if (!isJsonRecord(row)) throw new Error('A row read as JSON is not an object');
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [camelCase(key), value]));
}

export interface RowMatch {
  table: string;
  column: string;
  /** A uuid[] column: rows whose array holds any of the ids. */
  array?: true | undefined;
  /** Columns left out of every exported row (hashes, keys). */
  secretColumns?: readonly string[] | undefined;
}

/**
 * The rows of `table` whose `column` names any of `ids`, each as JSON with the secret
 * columns removed in the database, so a hash never reaches this process's memory.
 */
export async function rowsNaming(
  read: ReadTx,
  match: RowMatch,
  ids: readonly string[],
): Promise<JsonRow[]> {
  if (ids.length === 0) return [];
  const column = identifier(match.column);
  const where = match.array
    ? Prisma.sql`t.${column} && ${[...ids]}::uuid[]`
    : Prisma.sql`t.${column} = ANY(${[...ids]}::uuid[])`;
  const omitted = [...(match.secretColumns ?? [])];
  const rows = await read.$queryRaw<Array<{ row: unknown }>>`
    SELECT to_jsonb(t) - ${omitted}::text[] AS row
    FROM ${identifier(match.table)} t
    WHERE ${where}`;
  return rows.map(({ row }) => camelRow(row));
}

/** References to the rows of `table` whose `column` names the person. */
export async function referencesTo(
  read: ReadTx,
  match: RowMatch,
  personId: string,
): Promise<RowReference[]> {
  const rows = await rowsNaming(read, match, [personId]);
  return rows.map((row) => ({
    table: match.table,
    // Every referencing table has an id; a row without one is referenced by the person's.
    id: typeof row.id === 'string' ? row.id : personId,
    column: match.column,
    createdAt: typeof row.createdAt === 'string' ? row.createdAt : null,
  }));
}

const WHEN_KEYS = ['createdAt', 'failedAt', 'addedAt', 'updatedAt'] as const;

function whenOf(row: JsonRow): string {
  for (const key of WHEN_KEYS) {
    const value = row[key];
    if (typeof value === 'string') return value;
  }
  return '';
}

/** Rows found through several columns once each (a row read twice reads the same), oldest first. */
export function distinctRows(rows: readonly JsonRow[]): JsonRow[] {
  const byContent = new Map(rows.map((row) => [JSON.stringify(row), row]));
  // Versions share their created_at: their updated_at orders them.
  const text = (value: Json | undefined) => (typeof value === 'string' ? value : '');
  return [...byContent.values()].sort(
    (a, b) =>
      whenOf(a).localeCompare(whenOf(b)) ||
      text(a.updatedAt).localeCompare(text(b.updatedAt)) ||
      text(a.id).localeCompare(text(b.id)),
  );
}
