import { CompanyWritesBusyError } from './company-write-slots.ts';

/** True when Postgres refused a row because of a unique constraint (Prisma P2002 or SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return hasCode(error, 'P2002') || hasSqlState(error, '23505');
}

/**
 * True when Postgres refused a row because a reference names no row it may see (a foreign
 * key, SQLSTATE 23503 / Prisma P2003): with the composite (company_id, …) keys, that is also
 * how a reference to another company's row fails (resilience case TI-8).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  return findForeignKeyViolation(error, 0);
}

function findForeignKeyViolation(error: unknown, depth: number): boolean {
  if (typeof error !== 'object' || error === null || depth > 6) return false;
  const record = error as Record<string, unknown>;
  if (record.code === '23503' || record.code === 'P2003' || record.originalCode === '23503') {
    return true;
  }
  if (record.kind === 'ForeignKeyConstraintViolation') return true;
  return [record.meta, record.driverAdapterError, record.cause].some((next) =>
    findForeignKeyViolation(next, depth + 1),
  );
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

function hasSqlState(error: unknown, state: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  // node-postgres's own error (a statement sent by the driver): the SQLSTATE is its code.
  if (hasCode(error, state)) return true;
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

/**
 * A database failure that is not the caller's fault and may succeed when retried:
 * - `busy`: contention (lock timeout, deadlock, serialization failure, no free connection
 *   or transaction slot in time);
 * - `timeout`: a statement or transaction ran past its limit and was cancelled;
 * - `unavailable`: the connection was lost or the server is going away.
 */
export type TransientDatabaseFailure = 'busy' | 'timeout' | 'unavailable';

const SQLSTATE_FAILURES: Readonly<Record<string, TransientDatabaseFailure>> = {
  '55P03': 'busy', // lock_not_available (lock_timeout)
  '40P01': 'busy', // deadlock_detected
  '40001': 'busy', // serialization_failure
  '53300': 'busy', // too_many_connections
  '57014': 'timeout', // query_canceled (statement_timeout)
  '25P03': 'timeout', // idle_in_transaction_session_timeout
  '57P01': 'unavailable', // admin_shutdown (pg_terminate_backend)
  '57P02': 'unavailable', // crash_shutdown
  '57P03': 'unavailable', // cannot_connect_now
  '57P05': 'unavailable', // idle_session_timeout
};

const PRISMA_FAILURES: Readonly<Record<string, TransientDatabaseFailure>> = {
  P2024: 'busy', // timed out fetching a connection from the pool
  P2028: 'busy', // transaction API error: could not start in time, expired, already closed
  P2034: 'busy', // write conflict or deadlock
  P1001: 'unavailable', // cannot reach the server
  P1002: 'unavailable', // server reached but timed out
  P1008: 'timeout', // operation timed out
  P1017: 'unavailable', // server closed the connection
};

const ADAPTER_KINDS: Readonly<Record<string, TransientDatabaseFailure>> = {
  TransactionWriteConflict: 'busy',
  TooManyConnections: 'busy',
  ConnectionClosed: 'unavailable',
  DatabaseNotReachable: 'unavailable',
  SocketTimeout: 'unavailable',
};

const SOCKET_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

// node-postgres and Prisma report some failures only in words.
const MESSAGE_FAILURES: ReadonlyArray<readonly [RegExp, TransientDatabaseFailure]> = [
  [/timeout exceeded when trying to connect/i, 'busy'],
  [/Unable to start a transaction in the given time/i, 'busy'],
  [/cannot be executed on an expired transaction/i, 'timeout'],
  [/Transaction already closed/i, 'busy'],
  [/Connection terminated/i, 'unavailable'],
  [/connection error and is not queryable/i, 'unavailable'],
  [/Client was closed and is not queryable/i, 'unavailable'],
  [/terminating connection/i, 'unavailable'],
  [/Connection ended unexpectedly/i, 'unavailable'],
];

/**
 * Which transient database failure `error` is, if any: a retryable condition the
 * client should see as "busy, try again" rather than as a bug. Looks through the
 * pg error, Prisma's driver-adapter wrapping and `cause` chains.
 */
export function transientDatabaseFailure(error: unknown): TransientDatabaseFailure | undefined {
  return classify(error, 0);
}

function classify(error: unknown, depth: number): TransientDatabaseFailure | undefined {
  if (typeof error !== 'object' || error === null || depth > 6) return undefined;
  if (error instanceof CompanyWritesBusyError) return 'busy';
  const record = error as Record<string, unknown>;
  const code = typeof record.code === 'string' ? record.code : undefined;
  const originalCode = typeof record.originalCode === 'string' ? record.originalCode : undefined;
  const kind = typeof record.kind === 'string' ? record.kind : undefined;
  const sqlState = originalCode ?? code;
  if (sqlState !== undefined) {
    const byState = SQLSTATE_FAILURES[sqlState];
    if (byState) return byState;
    // Class 08: connection exceptions.
    if (/^08[0-9A-Z]{3}$/.test(sqlState)) return 'unavailable';
  }
  // Before Prisma's codes: P2028 covers both "could not start in time" (busy) and "expired" (timeout).
  const message = typeof record.message === 'string' ? record.message : '';
  for (const [pattern, failure] of MESSAGE_FAILURES) {
    if (pattern.test(message)) return failure;
  }
  if (code !== undefined) {
    const byPrisma = PRISMA_FAILURES[code];
    if (byPrisma) return byPrisma;
    if (SOCKET_CODES.has(code)) return 'unavailable';
  }
  const byKind = kind === undefined ? undefined : ADAPTER_KINDS[kind];
  if (byKind) return byKind;
  for (const next of [record.meta, record.driverAdapterError, record.cause]) {
    const found = classify(next, depth + 1);
    if (found) return found;
  }
  return undefined;
}
