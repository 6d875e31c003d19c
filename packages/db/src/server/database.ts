import { setTimeout as sleep } from 'node:timers/promises';
import { env } from '@aegira/config';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { installJobQueue } from './job-queue.ts';
import { applyMigrations } from './migrate.ts';
import {
  databaseNameOf,
  errorCode,
  quoteIdent,
  redactUrl,
  urlWithCredentials,
  urlWithDatabase,
  withClient,
} from './pg-util.ts';

/** The role the application connects as. It owns nothing, so row-level security applies to it. */
export const APP_ROLE = 'aegira_app';
/** The database created on the embedded server. */
export const EMBEDDED_DATABASE = 'aegira';

export interface DatabaseHandle {
  /** Connection as the owner of the schema: migrations, maintenance, seeding. */
  ownerUrl: string;
  /** Connection as APP_ROLE: what the application uses. */
  appUrl: string;
  /** Stops the embedded server if this call started it; a no-op with DATABASE_URL. */
  stop(): Promise<void>;
}

export interface EnsureDatabaseOptions {
  log: (message: string) => void;
  /** Default `packages/db/prisma/migrations`. */
  migrationsDir?: string;
}

/**
 * The application's database, migrated and with its login role in place: DATABASE_URL when
 * set, otherwise the `aegira` database of an embedded server under AEGIRA_DATA_DIR.
 */
export async function ensureDatabase(options: EnsureDatabaseOptions): Promise<DatabaseHandle> {
  const { log } = options;
  const config = env();
  let ownerUrl: string;
  let stop: () => Promise<void> = async () => undefined;
  if (config.DATABASE_URL) {
    ownerUrl = config.DATABASE_URL;
    log(`Using DATABASE_URL ${redactUrl(ownerUrl)}`);
  } else {
    const server = await startEmbeddedPostgres({ log });
    ownerUrl = urlWithDatabase(server.ownerUrl, EMBEDDED_DATABASE);
    stop = server.stop;
  }
  try {
    await createDatabaseIfMissing(ownerUrl, log);
    const appUrl = await prepareDatabase(ownerUrl, {
      log,
      appPassword: config.AEGIRA_APP_DB_PASSWORD,
      migrationsDir: options.migrationsDir,
    });
    return { ownerUrl, appUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface PrepareDatabaseOptions {
  log: (message: string) => void;
  appPassword: string;
  migrationsDir?: string | undefined;
}

/**
 * Migrate an existing database (Prisma's migrations, then the job queue's schema) and make
 * APP_ROLE able to log in; returns the app URL.
 *
 * The order matters: migrations GRANT privileges to APP_ROLE, so the role must exist before
 * they run; it only gets LOGIN and its password afterwards, so nothing can connect as it to a
 * half-migrated schema.
 */
export async function prepareDatabase(
  ownerUrl: string,
  options: PrepareDatabaseOptions,
): Promise<string> {
  // 1. The role, without login, for the GRANTs in the migrations.
  await ensureAppRoleExists(ownerUrl);
  // 2. The schema, then the job queue's schema and its grants (decision 013).
  await applyMigrations(ownerUrl, { log: options.log, migrationsDir: options.migrationsDir });
  await installJobQueue(ownerUrl, { appRole: APP_ROLE, log: options.log });
  // 3. Login.
  return enableAppRoleLogin(ownerUrl, options.appPassword);
}

/** Create the database `url` names, through the server's `postgres` database, if it is missing. */
export async function createDatabaseIfMissing(
  url: string,
  log: (message: string) => void = () => undefined,
): Promise<void> {
  try {
    await withClient(url, async () => undefined);
    return;
  } catch (error) {
    if (errorCode(error) !== '3D000') throw error; // anything but "database does not exist"
  }
  const name = databaseNameOf(url);
  await withClient(urlWithDatabase(url, 'postgres'), async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      log(`Created database ${name}`);
    } catch (error) {
      // Another process created it first.
      if (!isDuplicate(error)) throw error;
    }
  });
}

/** Roles are cluster-wide: every test process and server on the cluster may run this at once. */
export async function ensureAppRoleExists(ownerUrl: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    if (existing.rowCount !== 0) return;
    try {
      await client.query(`CREATE ROLE ${quoteIdent(APP_ROLE)} NOLOGIN`);
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  });
}

/** Give APP_ROLE LOGIN with `password`; returns `ownerUrl` with APP_ROLE's credentials. */
export async function enableAppRoleLogin(ownerUrl: string, password: string): Promise<string> {
  const appUrl = appUrlFor(ownerUrl, password);
  // Already set up (the usual case): skip the write, which is what concurrent callers race on.
  if (!(await canConnect(appUrl))) {
    await withClient(ownerUrl, async (client) => {
      const statement = `ALTER ROLE ${quoteIdent(APP_ROLE)} WITH LOGIN PASSWORD ${client.escapeLiteral(password)}`;
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query(statement);
          return;
        } catch (error) {
          // Two concurrent ALTERs of one role fail with "tuple concurrently updated" (XX000).
          if (errorCode(error) !== 'XX000' || attempt >= 5) throw error;
          await sleep(20 + Math.random() * 80);
        }
      }
    });
  }
  await withClient(ownerUrl, async (client) => {
    const result = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
      [APP_ROLE],
    );
    const role = result.rows[0];
    if (role?.rolsuper || role?.rolbypassrls) {
      throw new Error(
        `Role ${APP_ROLE} is SUPERUSER or BYPASSRLS, so row-level security would not apply to the application. Run: ALTER ROLE ${APP_ROLE} NOSUPERUSER NOBYPASSRLS;`,
      );
    }
  });
  return appUrl;
}

export function appUrlFor(ownerUrl: string, password: string): string {
  return urlWithCredentials(ownerUrl, APP_ROLE, password);
}

async function canConnect(url: string): Promise<boolean> {
  try {
    await withClient(url, async () => undefined);
    return true;
  } catch (error) {
    // 28P01 wrong password, 28000 role may not log in: both mean "not set up yet".
    const code = errorCode(error);
    if (code === '28P01' || code === '28000') return false;
    throw error;
  }
}

function isDuplicate(error: unknown): boolean {
  // 42710/42P04: duplicate role/database. 23505: the catalog's unique index, when the other
  // transaction committed while ours was inserting.
  const code = errorCode(error);
  return code === '42710' || code === '42P04' || code === '23505';
}
