import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDb } from '@aegira/db';
import { JOB_QUEUE_SCHEMA } from '@aegira/db/server';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFreshDatabase,
  type FreshDatabase,
} from '../../../packages/db/test-support/fresh-database.ts';
import { hashPassword } from '../src/auth/password.ts';
import { SESSION_COOKIE } from '../src/auth/session-cookie.ts';
import { createPerson } from '../src/services/person-writes.ts';
import { createTeam } from '../src/services/team-writes.ts';
import { TEST_JWT_SECRET } from '../test-support/api-harness.ts';
import { GOOD_CHECK_IN } from '../test-support/fixtures.ts';
import { openSse, type SseEvent, type SseStream } from '../test-support/sse-stream.ts';
import { type Supervisor, startSupervisor } from '../test-support/supervisor.ts';

// `pnpm start --instances 3` as an operator runs it (here on the TypeScript sources, with
// DATABASE_URL pointing at a fresh test database): three API processes on one PostgreSQL,
// under a supervisor that restarts a dead one. Mixed load goes through all three while one
// is killed (SIGKILL) and comes back: no acknowledged write is lost, a session works on
// every instance (the restarted one included), and job runs are not duplicated. After the
// restart, a live stream on any instance hears writes made through any other, and the login
// limits are one count across all three (they live in PostgreSQL, not in each process).

const CSRF = { 'x-aegira-csrf': '1', 'content-type': 'application/json' };

let database: FreshDatabase;
let owner: pg.Client;
let dataDir: string;
let supervisor: Supervisor;
let ports: number[] = [];

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Three consecutive free ports: the supervisor takes PORT, PORT+1, PORT+2. */
async function freePortRun(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 41_000 + Math.floor(Math.random() * 8_000);
    const free = await Promise.all([0, 1, 2].map((offset) => portIsFree(base + offset)));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no three consecutive free ports');
}

function runningCount(name: string): number {
  return supervisor.linesStartingWith(`[${name}] AEGIRA is running at`);
}

async function ready(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/ready`)).status === 200;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  database = await createFreshDatabase();
  owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  dataDir = await mkdtemp(path.join(tmpdir(), 'aegira-instances-'));
  const base = await freePortRun();
  ports = [base, base + 1, base + 2];
  supervisor = startSupervisor(['--instances', '3'], {
    DATABASE_URL: database.ownerUrl,
    PORT: String(base),
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    AEGIRA_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    AEGIRA_JOBS: 'on',
  });
  await supervisor.waitUntil(
    () => ['a', 'b', 'c'].every((name) => runningCount(name) >= 1),
    90_000,
  );
}, 120_000);

afterAll(async () => {
  await supervisor?.stop();
  await owner?.end();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
}, 30_000);

interface Session {
  cookie: string;
  userId: string;
  companyId: string;
  slug: string;
  email: string;
}

async function signUp(port: number): Promise<Session> {
  const email = `instances-${Date.now().toString(36)}@example.test`;
  const response = await fetch(`http://127.0.0.1:${port}/trpc/auth.signUp`, {
    method: 'POST',
    headers: CSRF,
    body: JSON.stringify({
      company: { name: `Instances Co ${email}`, timezone: 'Europe/Berlin' },
      admin: { firstName: 'Ina', lastName: 'Instances', email, password: 'instances-password-1' },
    }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    result: { data: { user: { id: string; company: { id: string; slug: string } } } };
  };
  return {
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    userId: body.result.data.user.id,
    companyId: body.result.data.user.company.id,
    slug: body.result.data.user.company.slug,
    email,
  };
}

/** POST /trpc/auth.login on one instance: the HTTP status and, when signed in, the cookie. */
async function login(
  port: number,
  company: string,
  email: string,
  password: string,
): Promise<{ status: number; cookie: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/trpc/auth.login`, {
    method: 'POST',
    headers: CSRF,
    body: JSON.stringify({ company, email, password }),
  });
  await response.arrayBuffer();
  return {
    status: response.status,
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  };
}

/** The session token in a `__Host-aegira_session=<token>` cookie pair, for an SSE stream. */
function tokenOf(cookie: string): string {
  expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
  return cookie.slice(SESSION_COOKIE.length + 1);
}

async function mutate(port: number, cookie: string, procedure: string, input: unknown) {
  const response = await fetch(`http://127.0.0.1:${port}/trpc/${procedure}`, {
    method: 'POST',
    headers: { ...CSRF, cookie },
    body: JSON.stringify(input),
  });
  const text = await response.text();
  expect(response.status, `${procedure} on port ${port}: ${text}`).toBe(200);
}

async function whoIs(port: number, session: Session): Promise<string | null> {
  const response = await fetch(`http://127.0.0.1:${port}/trpc/auth.me`, {
    headers: { cookie: session.cookie },
  });
  const body = (await response.json()) as { result?: { data: { user: { id: string } | null } } };
  return body.result?.data.user?.id ?? null;
}

describe('pnpm start --instances 3', () => {
  it('runs three instances on one database, each ready, and a session from one works on all', async () => {
    for (const port of ports) expect(await ready(port)).toBe(true);
    const session = await signUp(ports[0] ?? 0);
    for (const port of ports) expect(await whoIs(port, session)).toBe(session.userId);
  });

  it('loses no acknowledged write while one instance is killed and restarted under mixed load', async () => {
    const session = await signUp(ports[1] ?? 0);
    const acknowledged: string[] = [];
    let reads = 0;
    let sequence = 0;
    const killedPid = supervisor.pidOf('b');
    const restartsBefore = runningCount('b');
    const stopAt = Date.now() + 8_000;
    let killed = false;

    const worker = async (lane: number) => {
      while (Date.now() < stopAt) {
        sequence += 1;
        const port = ports[(sequence + lane) % ports.length] ?? 0;
        try {
          if (sequence % 3 === 0) {
            const listed = await fetch(
              `http://127.0.0.1:${port}/trpc/holidays.list?input=${encodeURIComponent('{"year":2040}')}`,
              { headers: { cookie: session.cookie } },
            );
            if (listed.status === 200) reads += 1;
            continue;
          }
          const day = new Date(Date.UTC(2040, 0, 1) + sequence * 86_400_000);
          const response = await fetch(`http://127.0.0.1:${port}/trpc/holidays.create`, {
            method: 'POST',
            headers: { ...CSRF, cookie: session.cookie },
            body: JSON.stringify({
              date: day.toISOString().slice(0, 10),
              name: `Load ${sequence}`,
            }),
          });
          if (response.status !== 200) continue;
          const body = (await response.json()) as { result: { data: { id: string } } };
          acknowledged.push(body.result.data.id);
        } catch {
          // The killed instance refuses connections until it is back: not acknowledged.
        }
      }
    };
    const killer = (async () => {
      await sleep(2_000);
      process.kill(killedPid, 'SIGKILL');
      killed = true;
    })();
    await Promise.all([killer, ...[0, 1, 2, 3].map(worker)]);
    expect(killed).toBe(true);

    // The supervisor brought b back, on the same port, as a new process.
    await supervisor.waitUntil(() => runningCount('b') > restartsBefore, 60_000);
    expect(supervisor.pidOf('b')).not.toBe(killedPid);
    await supervisor.waitUntil(() => ready(ports[1] ?? 0), 30_000);

    expect(acknowledged.length).toBeGreaterThan(20);
    expect(reads).toBeGreaterThan(5);
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
    // The session is still valid on every instance, the restarted one included.
    for (const port of ports) expect(await whoIs(port, session)).toBe(session.userId);
  }, 120_000);

  it('never records one queued job twice across the instances', async () => {
    // Every instance polls the same queue; pg-boss hands each job to one of them.
    await supervisor.waitUntil(async () => {
      const runs = await owner.query('SELECT 1 FROM job_runs LIMIT 1');
      return runs.rows.length > 0;
    }, 60_000);
    // Compared with the queue's own jobs, not with wall-clock minutes: under load a job of one
    // slot can start in the next minute beside that minute's job, which is no duplicate. A job
    // handed to two instances, or run again after it succeeded, shows as more successful runs
    // than the queue has jobs for that company and kind (active ones included: a run records
    // its success just before the queue marks the job completed).
    const duplicates = await owner.query(
      `SELECT runs.company_id, runs.job, runs.n AS runs, coalesce(queued.n, 0) AS jobs
       FROM (SELECT company_id::text, job, count(*) AS n FROM job_runs
             WHERE outcome = 'succeeded' GROUP BY 1, 2) AS runs
       LEFT JOIN (SELECT singleton_key AS company_id, name AS job, count(*) AS n
                  FROM ${JOB_QUEUE_SCHEMA}.job WHERE state IN ('active', 'completed')
                  GROUP BY 1, 2) AS queued USING (company_id, job)
       WHERE runs.n > coalesce(queued.n, 0)`,
    );
    expect(duplicates.rows).toEqual([]);
    const misses = await owner.query(
      `SELECT payload->>'personId', payload->>'localDate', count(*) FROM events
       WHERE type = 'MISSED_CHECK_IN_DETECTED' GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(misses.rows).toEqual([]);
  }, 90_000);
  it('delivers live updates to subscribers of every instance, the restarted one included, for writes through any other', async () => {
    const admin = await signUp(ports[0] ?? 0);
    const actor = { companyId: admin.companyId, actorId: admin.userId };
    const password = 'instances-worker-password-1';
    const passwordHash = await hashPassword(password);
    const leadId = randomUUID();
    const workerId = randomUUID();
    const teamId = randomUUID();
    const emailOf = (id: string) => `live-${id.slice(0, 8)}@example.test`;
    // Set-up through the write path directly (a person created over HTTP must change an
    // admin-set password first, which is another test's subject).
    const db = createDb(database.appUrl);
    try {
      const person = { firstName: 'Live', lastName: 'Test', passwordHash, teamAssignedOn: null };
      await createPerson(db, actor, {
        ...person,
        id: leadId,
        email: emailOf(leadId),
        role: 'TEAM_LEAD',
        teamId: null,
      });
      await createTeam(db, actor, {
        id: teamId,
        name: `Live ${teamId.slice(0, 8)}`,
        leaderId: leadId,
        windowStart: '00:00',
        windowEnd: '23:59',
        workDays: [1, 2, 3, 4, 5, 6, 7],
      });
      await createPerson(db, actor, {
        ...person,
        id: workerId,
        email: emailOf(workerId),
        role: 'WORKER',
        teamId,
        teamAssignedOn: '2026-01-01',
      });
    } finally {
      await db.$disconnect();
    }
    const [portA, portB, portC] = [ports[0] ?? 0, ports[1] ?? 0, ports[2] ?? 0];
    const lead = await login(portC, admin.slug, emailOf(leadId), password);
    const worker = await login(portA, admin.slug, emailOf(workerId), password);
    expect([lead.status, worker.status]).toEqual([200, 200]);

    // b is the instance that was killed and restarted in the test before.
    const streams: SseStream[] = [];
    try {
      for (const [port, cookie] of [
        [portB, admin.cookie],
        [portC, lead.cookie],
        [portA, admin.cookie],
      ] as const) {
        streams.push(await openSse(`http://127.0.0.1:${port}`, 'live.updates', tokenOf(cookie)));
      }
      const roster = (eventType: string) => (event: SseEvent) =>
        event.event === 'message' &&
        typeof event.data === 'object' &&
        event.data !== null &&
        'eventType' in event.data &&
        event.data.eventType === eventType &&
        'personId' in event.data &&
        event.data.personId === workerId;

      // Submitted through a, amended through b: every stream hears both.
      await mutate(portA, worker.cookie, 'checkIn.submit', GOOD_CHECK_IN);
      await mutate(portB, worker.cookie, 'checkIn.amend', { ...GOOD_CHECK_IN, sleepQuality: 6 });
      for (const stream of streams) {
        const submitted = await stream.waitFor(roster('CHECK_IN_SUBMITTED'), 5_000);
        expect(submitted.data).toEqual({
          kind: 'roster',
          teamId,
          personId: workerId,
          eventType: 'CHECK_IN_SUBMITTED',
        });
        await stream.waitFor(roster('CHECK_IN_UPDATED'), 5_000);
      }
    } finally {
      for (const stream of streams) stream.close();
    }
  }, 60_000);

  it('shares the login limits across the three instances, the restarted one included', async () => {
    const { email, slug } = await signUp(ports[2] ?? 0);
    // Five failures (the production limit per account), spread so no instance sees more than two.
    const spread = [0, 1, 2, 0, 1].map((index) => ports[index] ?? 0);
    for (const port of spread) {
      expect((await login(port, slug, email, 'not-the-password-1')).status).toBe(401);
    }
    // The right password is now refused on every instance: one count, in PostgreSQL.
    for (const port of ports) {
      expect((await login(port, slug, email, 'instances-password-1')).status).toBe(429);
    }
    const rows = await owner.query<{ points: number }>(
      'SELECT points FROM rate_limits WHERE points >= 5',
    );
    expect(rows.rows.length).toBeGreaterThan(0);
  }, 30_000);
});
