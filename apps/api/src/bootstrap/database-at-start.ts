import { env } from '@aegira/config';
import { appUrlFor, ensureDatabase } from '@aegira/db/server';

export interface DatabaseAtStart {
  /** The application role's connection (valid before the database is reachable). */
  appUrl: string;
  /** Whether the database was prepared before this returned (the usual case). */
  preparedAtStart: boolean;
  /** Resolves once the database is migrated and the role can log in. */
  prepared: Promise<void>;
  /** Stops waiting for the database, and stops the embedded server if one was started. */
  stop(): Promise<void>;
}

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 5_000;

/**
 * The database at start-up. With DATABASE_URL pointing at a server that is not reachable yet
 * (it restarts, or starts after us), the API starts anyway, not ready (FT-10): the database is
 * prepared in the background, retrying with backoff, and the instance becomes ready when it
 * is. Any other failure (bad credentials, a failing migration) still stops the start.
 */
export async function databaseAtStart(log: (line: string) => void): Promise<DatabaseAtStart> {
  try {
    const handle = await ensureDatabase({ log });
    return {
      appUrl: handle.appUrl,
      preparedAtStart: true,
      prepared: Promise.resolve(),
      stop: handle.stop,
    };
  } catch (error) {
    const config = env();
    if (!config.DATABASE_URL || !isUnreachable(error)) throw error;
    log(`The database is not reachable (${describe(error)}); starting not ready, retrying.`);
    let stopped = false;
    let wakeUp: () => void = () => undefined;
    const prepared = (async () => {
      for (let wait = FIRST_RETRY_MS; ; wait = Math.min(LAST_RETRY_MS, wait * 2)) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        if (stopped) return new Promise<void>(() => undefined); // never ready: we are stopping
        try {
          await ensureDatabase({ log });
          log('The database is reachable and prepared.');
          return;
        } catch (retryError) {
          if (!isUnreachable(retryError)) throw retryError;
        }
      }
    })();
    return {
      appUrl: appUrlFor(config.DATABASE_URL, config.AEGIRA_APP_DB_PASSWORD),
      preparedAtStart: false,
      prepared,
      stop: async () => {
        stopped = true;
        wakeUp();
      },
    };
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // the database system is starting up / shutting down / in recovery
  '57P03',
  '57P01',
]);

/** A connection that could not be made or was lost, as opposed to one that was refused. */
export function isUnreachable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const record = error as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  if (typeof record.code === 'string' && UNREACHABLE_CODES.has(record.code)) return true;
  if (
    typeof record.message === 'string' &&
    /Connection terminated|timeout expired/i.test(record.message)
  ) {
    return true;
  }
  // Node's happy-eyeballs connect reports one AggregateError for all addresses.
  if (
    Array.isArray(record.errors) &&
    record.errors.some((each) => isUnreachable(each, depth + 1))
  ) {
    return true;
  }
  return isUnreachable(record.cause, depth + 1);
}

function describe(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
  ) {
    return error.code;
  }
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'error') : 'error';
}
