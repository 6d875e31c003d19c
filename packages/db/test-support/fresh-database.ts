import { randomBytes } from 'node:crypto';
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
  /** Drop the database, closing any connection still open to it. Idempotent. */
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
      await withClient(server.ownerUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      );
    },
  };
}
