import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFreshDatabase,
  type FreshDatabase,
} from '../../../packages/db/test-support/fresh-database.ts';
import { TEST_JWT_SECRET } from '../test-support/api-harness.ts';
import { type Supervisor, startSupervisor } from '../test-support/supervisor.ts';

// `pnpm start --workers 2` as an operator runs it (here on the TypeScript sources, with
// DATABASE_URL pointing at a fresh test database): two API processes sharing one port through
// node:cluster (decision 047). The supervisor prints one address once both are ready; each
// worker serves that address, and a killed one is restarted onto it while the other serves.

const CSRF = { 'x-aegira-csrf': '1', 'content-type': 'application/json' };

let database: FreshDatabase;
let dataDir: string;
let supervisor: Supervisor;
let url = '';

function linesOf(worker: string, text: string): number {
  return supervisor.linesStartingWith(`[${worker}] ${text}`);
}

/** GET on a connection of its own (no keep-alive), so the supervisor hands each to a worker. */
function statusOnNewConnection(pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}${pathname}`, { agent: false }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    request.once('error', reject);
  });
}

beforeAll(async () => {
  database = await createFreshDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'aegira-workers-'));
  supervisor = startSupervisor(['--workers', '2'], {
    DATABASE_URL: database.ownerUrl,
    PORT: '0',
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    AEGIRA_DATA_DIR: dataDir,
    AEGIRA_DEMO: 'off',
    AEGIRA_JOBS: 'off',
    LOG_LEVEL: 'warn',
  });
  await supervisor.waitUntil(() => /^AEGIRA is running at \S+$/m.test(supervisor.output()), 90_000);
  url = (supervisor.output().match(/^AEGIRA is running at (\S+)$/m)?.[1] ?? '').replace(
    'localhost',
    '127.0.0.1',
  );
}, 120_000);

afterAll(async () => {
  await supervisor?.stop();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
}, 30_000);

describe('pnpm start --workers 2', () => {
  it('prints one address, once both workers are ready, and a session made there works', async () => {
    expect(supervisor.output().match(/AEGIRA is running at/g)).toHaveLength(1);
    // Each worker got to where a single process prints its address (their output and their
    // "ready" travel on different pipes, so a worker's last line may land just after).
    await supervisor.waitUntil(
      () => ['a', 'b'].every((worker) => linesOf(worker, 'Scheduled jobs') > 0),
      5_000,
    );
    expect(supervisor.output()).toContain('Press Ctrl+C to stop all 2 workers and the database.');

    const email = `workers-${Date.now().toString(36)}@example.test`;
    const signUp = await fetch(`${url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: CSRF,
      body: JSON.stringify({
        company: { name: `Workers Co ${email}`, timezone: 'Europe/Berlin' },
        admin: { firstName: 'Wim', lastName: 'Workers', email, password: 'workers-password-1' },
      }),
    });
    expect(signUp.status).toBe(200);
    const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // On fresh connections, so both workers answer some: the session is valid on each.
    for (let attempt = 0; attempt < 4; attempt++) {
      const me = await new Promise<string>((resolve, reject) => {
        http
          .get(`${url}/trpc/auth.me`, { agent: false, headers: { cookie } }, (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => {
              body += chunk.toString('utf8');
            });
            response.once('end', () => resolve(body));
          })
          .once('error', reject);
      });
      expect(me).toContain(email);
    }
  });

  it('serves the one port from either worker alone: each killed in turn, the other answers', async () => {
    for (const [killed, other] of [
      ['a', 'b'],
      ['b', 'a'],
    ] as const) {
      const exitsBefore = linesOf(killed, 'exited');
      const readyBefore = linesOf(killed, 'Scheduled jobs are off');
      process.kill(supervisor.pidOf(killed), 'SIGKILL');
      await supervisor.waitUntil(() => linesOf(killed, 'exited') > exitsBefore, 10_000);
      // Only `other` is left on the port until the supervisor brings `killed` back.
      const statuses = await Promise.all(
        Array.from({ length: 6 }, () => statusOnNewConnection('/health')),
      );
      expect(statuses, `${other} alone`).toEqual([200, 200, 200, 200, 200, 200]);
      await supervisor.waitUntil(
        () => linesOf(killed, 'Scheduled jobs are off') > readyBefore,
        60_000,
      );
    }
    // Both back: every new connection is answered.
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () => statusOnNewConnection('/health')),
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  }, 120_000);
});
