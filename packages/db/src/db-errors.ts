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
