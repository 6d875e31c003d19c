import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.ts';
import { SESSION_COOKIE } from '../src/auth/session-cookie.ts';
import type { TestApi, TestClient } from './api-harness.ts';

export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/**
 * The Express app over a harness API's dependencies (its database, its logger), on a
 * free port: HTTP-level tests of people the harness fixtures made, with their logs.
 */
export async function serveApp(
  api: TestApi,
  options: { webDistDir?: string } = {},
): Promise<ServedApp> {
  const app = createApp({ deps: api.deps, allowedOrigins: [], ...options });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) => {
      if (error) reject(error);
      else resolve(listening);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The Cookie header a browser signed in as `client` would send. */
export function sessionCookieOf(client: TestClient): string {
  if (!client.token) throw new Error('the client is not signed in');
  return `${SESSION_COOKIE}=${client.token}`;
}
