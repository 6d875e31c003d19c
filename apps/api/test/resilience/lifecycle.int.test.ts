import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EMBEDDED_SUPERUSER_PASSWORD,
  startEmbeddedPostgres,
} from '../../../../packages/db/src/server/embedded-postgres.ts';
import {
  isAlive,
  servesDataDir,
  stopPid,
} from '../../../../packages/db/src/server/postgres-process.ts';
import { acquireInstanceLock, INSTANCE_LOCK_FILE } from '../../src/bootstrap/instance-lock.ts';
import {
  HolidayWriters,
  readyStatus,
  runningUrl,
  type SpawnedApi,
  signUpOverHttp,
  spawnApi,
} from '../../test-support/spawned-api.ts';

// The server process as `pnpm start` runs it with its embedded PostgreSQL (no DATABASE_URL),
// on a data folder of its own: one instance per folder, the database restarted when its
// postmaster is killed, and a graceful stop on SIGTERM. The tests share that one process and
// run in order; the last one stops it.

let dataDir: string;
let pgDir: string;
let api: SpawnedApi;
let baseUrl: string;
let cookie: string;

function postmasterPid(): Promise<number> {
  return readFile(path.join(pgDir, 'postmaster.pid'), 'utf8').then((text) =>
    Number.parseInt(text.split('\n')[0] ?? '', 10),
  );
}

/** An owner connection to the embedded `aegira` database (the server must be up). */
async function ownerClient(): Promise<pg.Client> {
  const lines = (await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8')).split('\n');
  const client = new pg.Client({
    host: '127.0.0.1',
    port: Number(lines[3]),
    user: 'postgres',
    password: EMBEDDED_SUPERUSER_PASSWORD,
    database: 'aegira',
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

async function storedHolidays(ids: readonly string[]): Promise<string[]> {
  const owner = await ownerClient();
  try {
    const rows = await owner.query<{ id: string }>(
      'SELECT id FROM holidays WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return rows.rows.map((row) => row.id).sort();
  } finally {
    await owner.end();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'aegira-lifecycle-'));
  // PostgreSQL runs as `postgres` when the tests run as root: it must reach its folder.
  await chmod(dataDir, 0o755);
  pgDir = path.join(dataDir, 'postgres');
  api = spawnApi({ AEGIRA_DATA_DIR: dataDir });
  baseUrl = await runningUrl(api, 150_000);
  cookie = await signUpOverHttp(baseUrl);
}, 180_000);

afterAll(async () => {
  await api?.stop();
  // A server left by a failed test (its API killed) must not outlive the run.
  const pid = await postmasterPid().catch(() => 0);
  if (pid > 0 && isAlive(pid) && (await servesDataDir(pid, pgDir))) await stopPid(pid);
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('instance lock on the data folder', () => {
  it('refuses a second instance on the same data folder with a clear message', async () => {
    const second = spawnApi({ AEGIRA_DATA_DIR: dataDir });
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    expect(second.output()).toContain(
      `Another AEGIRA instance (pid ${api.child.pid}) is already running on the data folder ${dataDir}`,
    );
    // The first one is untouched: its database was not stopped by the second.
    expect(await readyStatus(baseUrl)).toBe(200);
    expect(await readFile(path.join(dataDir, INSTANCE_LOCK_FILE), 'utf8')).toBe(
      `${api.child.pid}\n`,
    );
  }, 90_000);

  it('takes over a lock whose process is dead', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'aegira-stale-lock-'));
    try {
      // The pid of a process that has exited.
      const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
      await writeFile(path.join(folder, INSTANCE_LOCK_FILE), `${gone}\n`);
      const release = await acquireInstanceLock(folder);
      expect(await readFile(path.join(folder, INSTANCE_LOCK_FILE), 'utf8')).toBe(
        `${process.pid}\n`,
      );
      release();
      await expect(readFile(path.join(folder, INSTANCE_LOCK_FILE), 'utf8')).rejects.toThrow();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('embedded PostgreSQL supervision', () => {
  it('restarts the postmaster after kill -9 and writes resume without restarting the API', async () => {
    const killed = await postmasterPid();
    const writers = new HolidayWriters(baseUrl, cookie, 4, 25);
    await sleep(1_000);
    const killedAt = performance.now();
    process.kill(killed, 'SIGKILL');
    const restarted = await api.waitFor(
      /PostgreSQL restarted \(pid (\d+)\) after (\d+) ms/,
      60_000,
    );
    // Writes through the API succeed again (the pool reconnects by itself).
    const deadline = Date.now() + 30_000;
    let resumedAt: number | undefined;
    while (resumedAt === undefined && Date.now() < deadline) {
      await sleep(100);
      resumedAt = writers.attempts.find(
        (attempt) => attempt.sentAt > killedAt && attempt.status === 200,
      )?.sentAt;
    }
    await sleep(500);
    await writers.stop();
    console.info(
      `kill -9 of the postmaster: restarted after ${restarted[2]} ms (supervisor), writes resumed ${
        resumedAt === undefined ? 'never' : `${Math.round(resumedAt - killedAt)} ms`
      } after the kill`,
    );
    console.info(
      api
        .output()
        .split('\n')
        .filter((line) => /PostgreSQL/.test(line))
        .join('\n'),
    );
    expect(resumedAt).toBeDefined();
    expect(api.child.exitCode).toBeNull();
    expect(Number(restarted[1])).not.toBe(killed);
    expect(await postmasterPid()).toBe(Number(restarted[1]));
    // The API answered every request: a failure is a retryable 503, never a dropped connection
    // or a 500.
    const failures = writers.attempts.filter((attempt) => attempt.status !== 200);
    expect(new Set(failures.map((attempt) => attempt.status))).toEqual(
      new Set(failures.length > 0 ? [503] : []),
    );
    expect(await readyStatus(baseUrl)).toBe(200);
    const acknowledged = writers.acknowledged();
    expect(await storedHolidays(acknowledged)).toEqual([...acknowledged].sort());
  }, 120_000);
});

describe('graceful shutdown', () => {
  it('on SIGTERM serves nothing new, loses no acknowledged write and exits within 10 s', async () => {
    const writers = new HolidayWriters(baseUrl, cookie, 16);
    await sleep(1_500);
    const signalAt = performance.now();
    api.child.kill('SIGTERM');
    const exit = await api.exited;
    await sleep(300);
    await writers.stop();

    const exitMs = exit.at - signalAt;
    const late = writers.attempts.filter((attempt) => attempt.sentAt >= signalAt + 250);
    const servedLate = late.filter((attempt) => attempt.status >= 200 && attempt.status < 300);
    const afterSignal = writers.attempts.filter((attempt) => attempt.sentAt >= signalAt);
    const beforeSignal = writers.attempts.filter((attempt) => attempt.sentAt < signalAt);
    const tally = (attempts: typeof late) =>
      attempts.reduce<Record<number, number>>((counts, attempt) => {
        counts[attempt.status] = (counts[attempt.status] ?? 0) + 1;
        return counts;
      }, {});
    console.info(
      `SIGTERM with 16 keep-alive writers: exited ${exit.code} after ${Math.round(exitMs)} ms; ` +
        `${writers.acknowledged().length} writes acknowledged in all; by status before the signal ${JSON.stringify(tally(beforeSignal))}, ` +
        `sent after it ${JSON.stringify(tally(afterSignal))}, sent 250 ms or more after it ${JSON.stringify(tally(late))} (0 = no answer)`,
    );
    expect(exit.code).toBe(0);
    expect(exitMs).toBeLessThan(10_000);
    expect(writers.acknowledged().length).toBeGreaterThan(16);
    expect(servedLate).toEqual([]);
    // Requests well under way when the signal came were finished, not cut.
    const underWay = writers.attempts.filter((attempt) => attempt.sentAt < signalAt - 500);
    expect(underWay.filter((attempt) => attempt.status === 0)).toEqual([]);
    expect(api.output()).not.toMatch(/Unhandled|uncaught/i);

    // Every acknowledged write is in the database (started again, by us, to look).
    const database = await startEmbeddedPostgres({ dataDir: pgDir });
    try {
      const acknowledged = writers.acknowledged();
      expect(await storedHolidays(acknowledged)).toEqual([...acknowledged].sort());
    } finally {
      await database.stop();
    }
  }, 120_000);
});
