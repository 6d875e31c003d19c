import type { CreateDbOptions } from '@aegira/db';
import { createFreshDatabase } from '../../../packages/db/test-support/fresh-database.ts';
import { type RunningServer, startServer, WEB_DIST_DIR } from '../src/server.ts';
import { TEST_JWT_SECRET } from './api-harness.ts';

export interface TestServer extends RunningServer {
  ownerUrl: string;
  /** The application role's connection (e.g. for a test's own job worker). */
  appUrl: string;
  stop(): Promise<void>;
}

/** The real HTTP server (API + built web app) on a free port over a fresh database. */
export async function startTestServer(
  options: { databaseUrl?: string; withWeb?: boolean; database?: CreateDbOptions } = {},
): Promise<TestServer> {
  const database = await createFreshDatabase();
  const server = await startServer({
    databaseUrl: options.databaseUrl ?? database.appUrl,
    ...(options.database ? { database: options.database } : {}),
    port: 0,
    jwtSecret: TEST_JWT_SECRET,
    secureCookies: false,
    logLevel: 'silent',
    ...(options.withWeb === false ? {} : { webDistDir: WEB_DIST_DIR }),
  });
  return {
    ...server,
    ownerUrl: database.ownerUrl,
    appUrl: options.databaseUrl ?? database.appUrl,
    stop: async () => {
      await server.close();
      await database.drop();
    },
  };
}
