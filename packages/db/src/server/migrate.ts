import fs from 'node:fs/promises';
import path from 'node:path';
import type { MigrationDirectory, MigrationList } from '@prisma/schema-engine-wasm';
import { migrationsDir as defaultMigrationsDir } from './paths.ts';
import { errorCode, withClient } from './pg-util.ts';
import { withSchemaEngine } from './schema-engine.ts';

export const MIGRATION_FILE = 'migration.sql';
export const MIGRATION_LOCK_FILE = 'migration_lock.toml';

// Advisory locks are per database, so this serialises migrators of one database only.
// The engine also takes one (key 72707369) but gives up after 10 s, so a second process
// would fail while a long migration runs; ours waits as long as it takes. A different key,
// since the engine, on its own connection, would otherwise wait for us.
const MIGRATION_LOCK_KEY = 4_242_001;

export interface MigrateOptions {
  log?: (message: string) => void;
  /** Default `packages/db/prisma/migrations`. */
  migrationsDir?: string;
}

/**
 * `prisma migrate deploy` for `ownerUrl`: apply every migration folder not yet recorded in
 * `_prisma_migrations`. Returns the names applied by this call.
 */
export async function applyMigrations(
  ownerUrl: string,
  options: MigrateOptions = {},
): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const migrationsList = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const count = migrationsList.migrationDirectories.length;
  if (count === 0) log(`No migrations in ${migrationsList.baseDir}`);

  // Held on its own connection for the whole run: a second process waits here, then finds
  // everything applied instead of racing to apply the same migration twice.
  return withClient(ownerUrl, async (lockClient) => {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const { appliedMigrationNames } = await withSchemaEngine(ownerUrl, (engine) =>
        engine.applyMigrations({
          migrationsList,
          filters: { externalTables: [], externalEnums: [] },
        }),
      );
      if (appliedMigrationNames.length === 0) {
        log(`Database already up to date (${count} migration${count === 1 ? '' : 's'})`);
      }
      for (const name of appliedMigrationNames) log(`Applied migration ${name}`);
      return appliedMigrationNames;
    } finally {
      await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

/** The migrations folder in the shape the engine takes (what Prisma's CLI reads from disk). */
export async function readMigrations(dir: string): Promise<MigrationList> {
  const baseDir = path.resolve(dir);
  const lockContent = await fs
    .readFile(path.join(baseDir, MIGRATION_LOCK_FILE), 'utf8')
    .catch(() => null);
  const entries = await fs.readdir(baseDir, { withFileTypes: true }).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name): Promise<MigrationDirectory> => {
      const content = await fs
        .readFile(path.join(baseDir, name, MIGRATION_FILE), 'utf8')
        .then((value) => ({ tag: 'ok' as const, value }))
        .catch((error: unknown) => ({ tag: 'error' as const, value: String(error) }));
      return { path: name, migrationFile: { path: MIGRATION_FILE, content } };
    }),
  );
  return {
    baseDir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}
