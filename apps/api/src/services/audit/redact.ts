import type { Prisma } from '@aegira/db';

/** Plain JSON (Prisma's own JsonObject allows undefined members, which JSON cannot carry). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const SECRET_KEYS = new Set(['passwordHash']);

/**
 * Event payloads keep password hashes so the log can rebuild rows; readers of
 * the audit trail never need them, so they are masked on the way out.
 */
export function redactSecrets(value: Prisma.JsonValue): Json {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, inner]): [string, Json] => [
      key,
      SECRET_KEYS.has(key) ? '[redacted]' : redactSecrets(inner ?? null),
    ]);
    return Object.fromEntries(entries);
  }
  return value;
}
