import fs from 'node:fs/promises';
import os from 'node:os';
import { env } from '@aegira/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../../test-support/fresh-database.ts';
import { APP_ROLE } from './database.ts';
import { migrationsDir } from './paths.ts';
import { withClient } from './pg-util.ts';
import { serverSettings } from './server-settings.ts';

let database: FreshDatabase;

beforeAll(async () => {
  database = await createFreshDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('a fresh database cloned from the template', () => {
  it('has every migration folder recorded as applied', async () => {
    const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
    const folders = entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders.length).toBeGreaterThan(0);

    const rows = await withClient(database.ownerUrl, async (client) => {
      const result = await client.query<{
        migration_name: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
      }>(
        'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
      );
      return result.rows;
    });
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it('lets the application role connect, without owning tables or bypassing RLS', async () => {
    const role = await withClient(database.appUrl, async (client) => {
      const result = await client.query<{
        current_user: string;
        rolsuper: boolean;
        rolbypassrls: boolean;
      }>('SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
      return result.rows[0];
    });
    expect(role).toEqual({ current_user: APP_ROLE, rolsuper: false, rolbypassrls: false });

    const owned = await withClient(database.ownerUrl, async (client) => {
      const result = await client.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1",
        [APP_ROLE],
      );
      return result.rows;
    });
    expect(owned).toEqual([]);
  });

  it('is a database of its own', async () => {
    const other = await createFreshDatabase();
    try {
      expect(other.name).not.toBe(database.name);
      await withClient(other.ownerUrl, (client) => client.query('CREATE TABLE only_here (id int)'));
      const seen = await withClient(database.ownerUrl, async (client) => {
        const result = await client.query("SELECT to_regclass('only_here') AS found");
        return result.rows[0];
      });
      expect(seen).toEqual({ found: null });
    } finally {
      await other.drop();
    }
  });
});

describe('the embedded server the tests run on', () => {
  // With DATABASE_URL the tests use that server, configured by its owner.
  it.skipIf(Boolean(env().DATABASE_URL))(
    'runs with the settings sized to the machine',
    async () => {
      const expected = serverSettings({ totalMemory: os.totalmem(), ephemeral: true });
      const actual = await withClient(database.ownerUrl, async (client) => {
        const result = await client.query<{ name: string; setting: string }>(
          'SELECT name, setting FROM pg_settings WHERE name = ANY($1)',
          [Object.keys(expected)],
        );
        return Object.fromEntries(result.rows.map((row) => [row.name, row]));
      });
      const sharedBuffersMb = (Number(actual.shared_buffers?.setting) * 8) / 1024; // 8 kB pages
      expect(`${sharedBuffersMb}MB`).toBe(expected.shared_buffers);
      expect(actual.max_wal_size?.setting).toBe('4096'); // MB
      expect(actual.maintenance_work_mem?.setting).toBe(String(256 * 1024)); // kB
      expect(actual.fsync?.setting).toBe('off');
    },
  );
});
