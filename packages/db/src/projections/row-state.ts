import type { Prisma } from '../generated/prisma/client.ts';

/**
 * A table row as the projections hold it: the Prisma model's fields with JSON
 * values (timestamps as ISO strings, DATE columns as 'YYYY-MM-DD', decimals as
 * numbers). The same shape is read back with to_jsonb and written with
 * jsonb_populate_recordset, so a row is folded in memory and persisted in one
 * set-based statement per table.
 */
export type RowOf<M> = {
  [K in keyof M]: M[K] extends Date
    ? string
    : M[K] extends Date | null
      ? string | null
      : M[K] extends Prisma.Decimal
        ? number
        : M[K] extends Prisma.Decimal | null
          ? number | null
          : M[K];
};

/** Fields the write path fills in for every row: tenancy, the event, and its time. */
export type TrackedField = 'companyId' | 'eventId' | 'createdAt' | 'updatedAt';

// Prisma's column names are the snake_case of the field names, digits
// included as a word of their own (missesLast30Days: misses_last_30_days).
// Field names are a small fixed set; a set-based write of thousands of rows asks for each
// one per row, so the conversion is worked out once per name (a seed's hot spot, decision 028).
const snakeNames = new Map<string, string>();

export function snakeCase(name: string): string {
  let snake = snakeNames.get(name);
  if (snake === undefined) {
    snake = name.replace(/[A-Z]|(?<=[a-z])\d+/g, (part) => `_${part.toLowerCase()}`);
    snakeNames.set(name, snake);
  }
  return snake;
}

export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** A row object with column names as keys (for jsonb_populate_recordset). */
export function toColumns(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [snakeCase(key), value]));
}

/** A to_jsonb row with field names as keys. */
export function fromColumns(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [camelCase(key), value]));
}

/** A DATE column's value for a local date: the date itself, never shifted through UTC. */
export function dateColumn(localDate: string): Date {
  return new Date(`${localDate}T00:00:00.000Z`);
}

/** A DATE column read by Prisma back as 'YYYY-MM-DD'. */
export function localDateOf(value: Date): string {
  return value.toISOString().slice(0, 10);
}
