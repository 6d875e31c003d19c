/** True when Postgres refused a row because of a unique constraint (Prisma P2002 or SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return hasCode(error, 'P2002') || hasSqlState(error, '23505');
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

function hasSqlState(error: unknown, state: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ('meta' in error && typeof error.meta === 'object' && error.meta !== null) {
    const meta = error.meta as Record<string, unknown>;
    const driver = meta.driverAdapterError;
    if (typeof driver === 'object' && driver !== null && 'cause' in driver) {
      const cause = (driver as { cause: unknown }).cause;
      if (typeof cause === 'object' && cause !== null && 'originalCode' in cause) {
        return (cause as { originalCode: unknown }).originalCode === state;
      }
    }
  }
  return 'cause' in error && hasSqlState(error.cause, state);
}

/**
 * The name of the unique index a unique violation hit (e.g. 'teams_active_name_key'),
 * when the driver reports it, so a caller can say which field conflicted.
 */
export function uniqueViolationIndex(error: unknown): string | undefined {
  if (!isUniqueViolation(error)) return undefined;
  return findIndexName(error, 0);
}

function findIndexName(error: unknown, depth: number): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const record = error as Record<string, unknown>;
  // The pg driver's own error, or the driver adapter's description of it.
  if (typeof record.constraint === 'string') return record.constraint;
  const constraint = record.constraint;
  if (typeof constraint === 'object' && constraint !== null && 'index' in constraint) {
    const index = (constraint as { index: unknown }).index;
    if (typeof index === 'string') return index;
  }
  for (const next of [record.meta, record.driverAdapterError, record.cause]) {
    const found = findIndexName(next, depth + 1);
    if (found) return found;
  }
  return undefined;
}
