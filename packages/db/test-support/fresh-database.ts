import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import './provided-context.ts';
import { appUrlFor } from '../src/server/database.ts';
import { quoteIdent, urlWithDatabase, withClient } from '../src/server/pg-util.ts';

export interface FreshDatabase {
  name: string;
  /** Owner connection: set-up and inspection that must bypass row-level security. */
  ownerUrl: string;
  /** The application role's connection, as the server uses it. */
  appUrl: string;
  /**
   * Drop the database if nothing is connected to it any more; otherwise leave it for the
   * run's clean-up (global-setup.ts). Idempotent.
   */
  drop(): Promise<void>;
}

/**
 * A migrated database of its own for one test file (call it in beforeAll, drop it in
 * afterAll). A copy of the run's template, which is much faster than migrating each time.
 */
export async function createFreshDatabase(): Promise<FreshDatabase> {
  const server = inject('aegiraDatabase');
  if (server === undefined) {
    throw new Error(
      'createFreshDatabase() needs packages/db/test-support/global-setup.ts as a globalSetup of this vitest project.',
    );
  }
  const name = `${server.databasePrefix}${randomBytes(6).toString('hex')}`;
  await withClient(server.ownerUrl, (client) =>
    client.query(
      `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(server.templateDatabase)}`,
    ),
  );
  const ownerUrl = urlWithDatabase(server.ownerUrl, name);
  return {
    name,
    ownerUrl,
    appUrl: appUrlFor(ownerUrl, server.appPassword),
    drop: async () => {
      // Never WITH (FORCE): that terminates the backends of clients the test file may
      // still hold (a pool ending, pg-boss stopping), and a client without an 'error'
      // listener then throws 57P01 uncaught, failing the whole run. A database still in
      // use is dropped with the others when the run ends.
      await withClient(server.ownerUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`),
      ).catch((error: unknown) => {
        if (!isInUse(error)) throw error;
      });
    },
  };
}

/** 55006 object_in_use: "database … is being accessed by other users". */
function isInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '55006';
}

/** A fresh database with a connected owner client (a source or target of a rebuild test). */
export interface OwnedDatabase {
  database: FreshDatabase;
  owner: pg.Client;
}

export async function createOwnedDatabase(): Promise<OwnedDatabase> {
  const database = await createFreshDatabase();
  const owner = new pg.Client({ connectionString: database.ownerUrl });
  // A dropped test database ends its backends; that must not fail the run.
  owner.on('error', () => undefined);
  await owner.connect();
  return { database, owner };
}
