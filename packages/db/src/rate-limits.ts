import pg from 'pg';
import {
  DEFAULT_CONNECTION_TIMEOUT_MS,
  DEFAULT_DATABASE_TIMEOUTS,
  timeoutOptions,
} from './client.ts';

/**
 * The table rate-limiter-flexible's RateLimiterPostgres keeps its counters in
 * (migration shared_rate_limits). Not a tenant table: see that migration and
 * docs/decisions/021-shared-rate-limits.md.
 */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** What a RateLimiterPostgres needs to share its counts with every instance on the database. */
export interface RateLimitStore {
  /** `storeClient` (storeType 'pool'): the application role's connections. */
  readonly pool: pg.Pool;
  readonly tableName: typeof RATE_LIMIT_TABLE;
  /** Ends the pool; idempotent. */
  close(): Promise<void>;
}

/**
 * A small pool of its own for the limiter: Prisma's adapter owns its pg.Pool
 * and does not lend it, and a login makes at most three short statements here.
 */
export function createRateLimitStore(
  connectionString: string,
  options: { maxConnections?: number } = {},
): RateLimitStore {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 4,
    application_name: 'aegira-rate-limits',
    // The same limits as the application's client (decision 034): a locked table fails fast.
    connectionTimeoutMillis: DEFAULT_CONNECTION_TIMEOUT_MS,
    options: timeoutOptions(DEFAULT_DATABASE_TIMEOUTS),
  });
  // A dropped idle connection (server restart, terminated backend) must not crash the
  // process; the next query opens a new one.
  pool.on('error', () => undefined);
  let closing: Promise<void> | undefined;
  return {
    pool,
    tableName: RATE_LIMIT_TABLE,
    close: () => {
      closing ??= pool.end();
      return closing;
    },
  };
}
