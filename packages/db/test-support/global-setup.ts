import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { env, repoRoot } from '@aegira/config';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../src/server/database.ts';
import {
  isEmbeddedPostgresRunning,
  startEmbeddedPostgres,
} from '../src/server/embedded-postgres.ts';
import { quoteIdent, redactUrl, urlWithDatabase, withClient } from '../src/server/pg-util.ts';
import { ensurePrismaClientGenerated } from '../src/server/prisma-generate.ts';

import type { TestDatabaseServer } from './provided-context.ts';

export type { TestDatabaseServer };

const log = (message: string) => console.log(`[db] ${message}`);

interface SharedServer {
  ready: Promise<{ server: TestDatabaseServer; cleanUp: () => Promise<void> }>;
  users: number;
}

// The int and e2e projects both name this set-up, and vitest runs both in one
// process: they share one server and template (two schema engines migrating at
// once in one process crash the WebAssembly engine).
const registry = globalThis as typeof globalThis & { __aegiraTestDatabase?: SharedServer };

/**
 * One PostgreSQL per test run (or the DATABASE_URL server), with one migrated template that
 * createFreshDatabase() clones per test file: migrating once is what keeps files fast.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  registry.__aegiraTestDatabase ??= { ready: startServer(), users: 0 };
  const shared = registry.__aegiraTestDatabase;
  shared.users += 1;
  const { server, cleanUp } = await shared.ready;
  project.provide('aegiraDatabase', server);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    registry.__aegiraTestDatabase = undefined;
    await cleanUp();
  };
}

async function startServer(): Promise<{
  server: TestDatabaseServer;
  cleanUp: () => Promise<void>;
}> {
  const started = performance.now();
  await ensurePrismaClientGenerated({ log });

  const config = env();
  let ownerUrl: string;
  let stopServer: () => Promise<void> = async () => undefined;
  let tempDir: string | undefined;
  if (config.DATABASE_URL) {
    ownerUrl = config.DATABASE_URL;
    log(`Using DATABASE_URL ${redactUrl(ownerUrl)}`);
  } else {
    const tmpRoot = path.join(repoRoot, '.tmp');
    await fs.mkdir(tmpRoot, { recursive: true });
    await removeStaleTempDirs(tmpRoot);
    tempDir = await fs.mkdtemp(path.join(tmpRoot, TEMP_PREFIX));
    // mkdtemp makes it 0700; the server may run as the postgres user (root in CI).
    await fs.chmod(tempDir, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(tempDir, 'postgres'),
      ephemeral: true,
      log,
    });
    ownerUrl = server.ownerUrl;
    stopServer = server.stop;
  }

  const runId = randomBytes(4).toString('hex');
  const templateDatabase = `aegira_template_${runId}`;
  const databasePrefix = `aegira_test_${runId}_`;
  const cleanUp = async () => {
    if (tempDir === undefined) {
      // A shared server outlives the run: drop what this run created there.
      await withClient(ownerUrl, async (client) => {
        const result = await client.query<{ datname: string }>(
          'SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)',
          [templateDatabase, databasePrefix],
        );
        for (const { datname } of result.rows) {
          await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
        }
      }).catch((error: unknown) => log(`Could not drop the test databases: ${String(error)}`));
    }
    await stopServer();
    if (tempDir !== undefined) await fs.rm(tempDir, { recursive: true, force: true });
  };

  try {
    await withClient(ownerUrl, (client) =>
      client.query(`CREATE DATABASE ${quoteIdent(templateDatabase)}`),
    );
    await prepareDatabase(urlWithDatabase(ownerUrl, templateDatabase), {
      log,
      appPassword: config.AEGIRA_APP_DB_PASSWORD,
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  log(`Template ${templateDatabase} ready in ${Math.round(performance.now() - started)} ms`);

  return {
    server: {
      ownerUrl,
      templateDatabase,
      databasePrefix,
      appPassword: config.AEGIRA_APP_DB_PASSWORD,
    },
    cleanUp,
  };
}

const TEMP_PREFIX = 'pg-test-';
/** Older than any set-up (a live run's dir has a running server, so its age does not matter). */
const STALE_AFTER_MS = 10 * 60_000;

/** Data dirs of runs that were killed before their teardown (their orphaned server too). */
async function removeStaleTempDirs(tmpRoot: string): Promise<void> {
  const entries = await fs.readdir(tmpRoot, { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(TEMP_PREFIX)) continue;
    const dir = path.join(tmpRoot, entry.name);
    const { mtimeMs } = await fs.stat(dir);
    if (Date.now() - mtimeMs < STALE_AFTER_MS) continue;
    if (await isEmbeddedPostgresRunning(path.join(dir, 'postgres'), log)) continue;
    log(`Removing ${dir}, left by an earlier run`);
    await fs.rm(dir, { recursive: true, force: true });
  }
}
