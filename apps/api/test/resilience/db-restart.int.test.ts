import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EmbeddedPostgres,
  isEmbeddedPostgresRunning,
  startEmbeddedPostgres,
} from '../../../../packages/db/src/server/embedded-postgres.ts';
import { urlWithDatabase } from '../../../../packages/db/src/server/pg-util.ts';
import { resolveBinaries } from '../../../../packages/db/src/server/postgres-host.ts';
import { isAlive, processState } from '../../../../packages/db/src/server/postgres-process.ts';
import {
  HolidayWriters,
  readyStatus,
  runningUrl,
  type SpawnedApi,
  signUpOverHttp,
  spawnApi,
} from '../../test-support/spawned-api.ts';

// A PostgreSQL of this file's own (never the shared test server: it is restarted and stopped
// here), and the real server process on it through DATABASE_URL, as an operator with their
// own database runs it.

let dataDir: string;
let pgDir: string;
let cluster: EmbeddedPostgres;
let restarted: EmbeddedPostgres | undefined;
let ownerUrl: string;
let api: SpawnedApi;
let lateApi: SpawnedApi | undefined;
let baseUrl: string;
let cookie: string;
const supervisorLog: string[] = [];

async function withOwner<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `pg_ctl <args>` on this file's data directory, as the user who owns it. */
async function pgCtl(args: string[]): Promise<{ code: number | null; output: string }> {
  const binaries = await resolveBinaries();
  const owner = await stat(pgDir);
  const child = spawn(
    path.join(path.dirname(binaries.postgres), 'pg_ctl'),
    [...args, '-D', pgDir, '-l', path.join(pgDir, 'pg_ctl.log')],
    {
      ...(process.getuid?.() === 0 ? { uid: owner.uid, gid: owner.gid } : {}),
      cwd: dataDir,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'aegira-db-restart-'));
  await chmod(dataDir, 0o755);
  pgDir = path.join(dataDir, 'postgres');
  cluster = await startEmbeddedPostgres({
    dataDir: pgDir,
    ephemeral: true,
    log: (line) => supervisorLog.push(line),
  });
  ownerUrl = urlWithDatabase(cluster.ownerUrl, 'aegira');
  api = spawnApi({ DATABASE_URL: ownerUrl, AEGIRA_DATA_DIR: dataDir });
  baseUrl = await runningUrl(api, 150_000);
  cookie = await signUpOverHttp(baseUrl);
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await lateApi?.stop();
  await restarted?.stop();
  await cluster?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('the database restarting under load', () => {
  it('FT-2: pg_ctl restart -m fast under write load: no crash, only 503s during the outage, success resumes, nothing acknowledged lost', async () => {
    const writers = new HolidayWriters(baseUrl, cookie, 16);
    await sleep(2_000);
    const restartBegan = performance.now();
    const restart = await pgCtl(['restart', '-m', 'fast', '-w', '-t', '60']);
    const restartEnded = performance.now();
    expect(restart.code, restart.output).toBe(0);

    let resumedAt: number | undefined;
    const deadline = Date.now() + 30_000;
    while (resumedAt === undefined && Date.now() < deadline) {
      await sleep(100);
      resumedAt = writers.attempts.find(
        (attempt) => attempt.sentAt > restartEnded && attempt.status === 200,
      )?.sentAt;
    }
    await sleep(1_000);
    await writers.stop();

    const failures = writers.attempts.filter((attempt) => attempt.status !== 200);
    const statuses = [...new Set(failures.map((attempt) => attempt.status))];
    const firstFailure = Math.min(...failures.map((attempt) => attempt.doneAt));
    const lastFailure = Math.max(...failures.map((attempt) => attempt.doneAt));
    console.info(
      `FT-2: pg_ctl restart took ${Math.round(restartEnded - restartBegan)} ms; ` +
        `${writers.acknowledged().length} writes acknowledged, ${failures.length} failed (statuses ${JSON.stringify(statuses)}) ` +
        (failures.length > 0
          ? `between +${Math.round(firstFailure - restartBegan)} and +${Math.round(lastFailure - restartBegan)} ms; `
          : '; ') +
        `success resumed ${resumedAt === undefined ? 'never' : `${Math.round(resumedAt - restartEnded)} ms`} after the restart returned`,
    );

    const kinds = new Set(
      failures.map(
        (attempt) => `${attempt.status} ${/"appCode":"(\w+)"/.exec(attempt.body ?? '')?.[1] ?? ''}`,
      ),
    );
    console.info(`FT-2: failures by kind: ${[...kinds].join(', ') || 'none'}`);
    // The process never crashed; it answered every request. (Its output says why if it did.)
    expect(api.child.exitCode, api.output().slice(-4_000)).toBeNull();
    expect(statuses.every((status) => status === 503)).toBe(true);
    // Errors only inside the outage: failing once the restart began (a request sent earlier
    // may still be in flight then), and none sent after success came back.
    expect(resumedAt).toBeDefined();
    for (const failure of failures) {
      expect(failure.doneAt).toBeGreaterThanOrEqual(restartBegan);
      // The window closes a moment after the first success: a request may still draw a
      // pooled connection the restart ended before the pool has noticed (a few ms).
      expect(failure.sentAt).toBeLessThanOrEqual(Math.max(resumedAt ?? 0, restartEnded + 1_000));
    }
    // Success within N s of the server being back (generous: the machine is shared).
    expect((resumedAt ?? Number.POSITIVE_INFINITY) - restartEnded).toBeLessThan(15_000);
    expect(await readyStatus(baseUrl)).toBe(200);

    // Invariants: every acknowledged write is stored with its one event, nothing hangs open.
    const acknowledged = writers.acknowledged();
    await withOwner(async (owner) => {
      const stored = await owner.query<{ id: string }>(
        'SELECT id FROM holidays WHERE id = ANY($1::uuid[])',
        [acknowledged],
      );
      expect(stored.rows.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
      const events = await owner.query<{ n: string }>(
        `SELECT count(*) AS n FROM events WHERE type = 'HOLIDAY_CREATED' AND entity_id = ANY($1::uuid[])`,
        [acknowledged],
      );
      expect(Number(events.rows[0]?.n)).toBe(acknowledged.length);
      const idle = await owner.query(
        `SELECT 1 FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'`,
      );
      expect(idle.rows).toEqual([]);
    });
    // The supervisor saw the clean exit and, after its pause, took over the server pg_ctl
    // started (it says so once that pause is over, which may be after success resumed).
    const takeOver = /started again by another process/;
    const logDeadline = Date.now() + 15_000;
    while (!takeOver.test(supervisorLog.join('\n')) && Date.now() < logDeadline) await sleep(100);
    expect(supervisorLog.join('\n')).toMatch(takeOver);
  }, 120_000);
});

async function commOnceExeced(pid: number, expected: string): Promise<string> {
  const deadline = Date.now() + 5_000;
  let comm = '';
  do {
    comm = (await readFile(`/proc/${pid}/comm`, 'utf8')).trim();
    if (comm === expected) return comm;
    await sleep(20);
  } while (Date.now() < deadline);
  return comm;
}

describe('stale lock files', () => {
  it('leaves alone a live PostgreSQL that does not serve our data directory', async () => {
    // A process named `postgres` that is nobody's child (its parent shell is gone), as a
    // PostgreSQL of another program would be: the shape that was once stopped as "orphaned".
    const fakeDir = path.join(dataDir, 'other');
    await mkdir(fakeDir);
    const fakeBin = path.join(dataDir, 'bin');
    await mkdir(fakeBin);
    await symlink('/bin/sleep', path.join(fakeBin, 'postgres'));
    const launcher = spawn('sh', ['-c', `${path.join(fakeBin, 'postgres')} 120 & echo $!`], {
      cwd: tmpdir(),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let printed = '';
    launcher.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
    });
    await new Promise((resolve) => launcher.once('exit', resolve));
    const unrelated = Number.parseInt(printed.trim(), 10);
    try {
      // The shell forks before the child execs, so its name may still read `sh` for a moment.
      expect(await commOnceExeced(unrelated, 'postgres')).toBe('postgres');
      await writeFile(
        path.join(fakeDir, 'postmaster.pid'),
        `${unrelated}\n${fakeDir}\n0\n5432\n\n127.0.0.1\n`,
      );

      expect(await isEmbeddedPostgresRunning(fakeDir)).toBe(false);
      await sleep(200);
      expect(isAlive(unrelated)).toBe(true);
      // The stale lock file itself is cleared, so a server can start there.
      await expect(readFile(path.join(fakeDir, 'postmaster.pid'))).rejects.toThrow();
      // A real postmaster is judged by the data directory it serves: ours for pgDir, not for
      // another folder.
      const postmaster = Number.parseInt(
        (await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '',
        10,
      );
      expect(await processState(postmaster, pgDir)).not.toBe('gone');
      expect(await processState(postmaster, fakeDir)).toBe('gone');
    } finally {
      if (isAlive(unrelated)) process.kill(unrelated, 'SIGKILL');
    }
  });
});

describe('the database down at start', () => {
  it('FT-10: starts not ready, fails requests fast with a generic 503, and recovers when the database comes up', async () => {
    await api.stop();
    const port = Number(new URL(ownerUrl).port);
    await cluster.stop();

    lateApi = spawnApi({ DATABASE_URL: ownerUrl, AEGIRA_DATA_DIR: dataDir });
    const url = await runningUrl(lateApi, 60_000);
    expect(lateApi.output()).toMatch(/not reachable/);

    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' });

    const started = performance.now();
    const write = await fetch(`${url}/trpc/holidays.create`, {
      method: 'POST',
      headers: { 'x-aegira-csrf': '1', 'content-type': 'application/json', cookie },
      body: JSON.stringify({ date: '2039-06-01', name: 'While down' }),
    });
    const elapsed = performance.now() - started;
    const body = await write.text();
    expect(write.status).toBe(503);
    expect(write.headers.get('retry-after')).toBe('1');
    expect(elapsed).toBeLessThan(5_000);
    expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|SELECT|at .*\.ts/i);

    // The database comes up where the URL points; the instance becomes ready by itself.
    const upAt = performance.now();
    restarted = await startEmbeddedPostgres({ dataDir: pgDir, ephemeral: true, port });
    const deadline = Date.now() + 60_000;
    while ((await readyStatus(url)) !== 200) {
      if (Date.now() > deadline) throw new Error(`never ready:\n${lateApi.output()}`);
      await sleep(200);
    }
    console.info(
      `FT-10: request refused in ${Math.round(elapsed)} ms while down; ready ${Math.round(performance.now() - upAt)} ms after the database came up`,
    );
    const after = await fetch(`${url}/trpc/holidays.create`, {
      method: 'POST',
      headers: { 'x-aegira-csrf': '1', 'content-type': 'application/json', cookie },
      body: JSON.stringify({ date: '2039-06-02', name: 'After recovery' }),
    });
    expect(after.status, await after.text()).toBe(200);
    expect(lateApi.child.exitCode).toBeNull();
  }, 150_000);
});
