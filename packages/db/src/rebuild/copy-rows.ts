import type pg from 'pg';
import { camelCase } from '../projections/row-state.ts';
import { copyText } from './pg-copy.ts';

/** A column as COPY writes it: its name, the row field it comes from, how its value is spelt. */
export interface CopyColumn {
  name: string;
  field: string;
  kind: 'array' | 'json' | 'plain';
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A table or column name from the schema or the projections, never from input; checked so. */
export function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

/** Every stored column of a table, in order (generated columns are the database's to fill). */
export async function tableColumns(client: pg.Client, table: string): Promise<CopyColumn[]> {
  const result = await client.query<{ name: string; category: string; type: string }>(
    `SELECT a.attname AS name, t.typcategory AS category, t.typname AS type
     FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`,
    [`public.${ident(table)}`],
  );
  return result.rows.map((column) => ({
    name: column.name,
    field: camelCase(column.name),
    kind:
      column.category === 'A'
        ? 'array'
        : column.type === 'json' || column.type === 'jsonb'
          ? 'json'
          : 'plain',
  }));
}

function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((item) =>
    item === null || item === undefined
      ? 'NULL'
      : `"${String(item).replace(/["\\]/g, (c) => `\\${c}`)}"`,
  );
  return `{${items.join(',')}}`;
}

/**
 * A value in the text PostgreSQL's input function for the column reads: what
 * jsonb_populate_recordset would hand it from the row's JSON (numbers, booleans and
 * strings as JSON spells them, arrays element by element, JSON as JSON). A field the row
 * lacks is NULL there and here.
 */
function fieldText(column: CopyColumn, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (column.kind === 'json') return JSON.stringify(value);
  if (column.kind === 'array') {
    if (!Array.isArray(value)) throw new Error(`Column ${column.name} needs an array`);
    return arrayLiteral(value);
  }
  if (typeof value === 'object') throw new Error(`Column ${column.name} got an object`);
  return String(value);
}

const CHUNK = 1 << 20;

/** Where COPY text goes: a running COPY (CopyIn), or a buffer list prepared ahead of one. */
export interface CopySink {
  write(chunk: Buffer): void;
}

/** Writes rows (projection shape, camelCase fields) to a running COPY, about 1 MB at a time. */
export function writeRows(
  copy: CopySink,
  columns: readonly CopyColumn[],
  rows: Iterable<object>,
): number {
  let buffer = '';
  let count = 0;
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    let line = '';
    for (let index = 0; index < columns.length; index += 1) {
      const column = columns[index] as CopyColumn;
      if (index > 0) line += '\t';
      line += copyText(fieldText(column, record[column.field]));
    }
    buffer += `${line}\n`;
    count += 1;
    if (buffer.length >= CHUNK) {
      copy.write(Buffer.from(buffer));
      buffer = '';
    }
  }
  if (buffer.length > 0) copy.write(Buffer.from(buffer));
  return count;
}

/**
 * The log's columns as the rebuild and the bulk seed copy them, in this order; position and
 * tx_id are the target database's own.
 */
export const EVENT_COLUMNS = [
  'id',
  'company_id',
  'actor_id',
  'actor_token_id',
  'type',
  'entity_type',
  'entity_id',
  'payload',
  'schema_version',
  'created_at',
] as const;
