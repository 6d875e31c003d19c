import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { childProcessEnv } from '@aegira/config';
import { JOB_QUEUES } from '@aegira/db/server';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, TEST_JWT_SECRET, type TestApi } from '../test-support/api-harness.ts';
import {
  type CompanyFixture,
  companyFixture,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';

// Three real API processes (`src/main.ts`, as `pnpm start` runs it) on one database, with the
// job queue on. The instance that picks up the due-transfer job is killed (SIGKILL) while
// that job is held mid-run by a row lock; pg-boss must hand the job to another instance, and
// every worker-day and transfer must still be recorded exactly once.

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** A run silent this long is presumed dead and retried (AEGIRA_JOB_TIMEOUT_SECONDS). */
const RUN_TIMEOUT_SECONDS = 5;
const STABLE_WORKERS = 3;

interface Instance {
  name: string;
  child: ChildProcess;
  output: string;
  exited: Promise<number | null>;
}

let api: TestApi;
let owner: pg.Client;
let lockHolder: pg.Client | undefined;
let company: CompanyFixture;
let stableWorkerIds: string[];
let transferId: string;
/** The jobs' day (the transfer's effective day) and their clock: noon UTC on it. */
let jobDay: string;
let instances: Instance[] = [];
let killed: Instance | undefined;

beforeAll(async () => {
  api = await createTestApi();
  owner = new pg.Client({ connectionString: api.ownerUrl });
  await owner.connect();

  // A UTC company keeps the clock arithmetic plain; time zones are the detector's own tests.
  company = await companyFixture(api, 'UTC');
  const everyDay = { windowStart: '06:00', windowEnd: '08:00', workDays: [1, 2, 3, 4, 5, 6, 7] };
  const from = await teamFixture(api, company, everyDay);
  const to = await teamFixture(api, company, everyDay);
  stableWorkerIds = [];
  for (let index = 0; index < STABLE_WORKERS; index++) {
    stableWorkerIds.push((await personFixture(api, company, 'WORKER', { teamId: from.id })).id);
  }
  const mover = await personFixture(api, company, 'WORKER', { teamId: from.id });
  const move = await company.admin.api.teams.assignMember({ personId: mover.id, teamId: to.id });
  // The move takes effect tomorrow (real clock); the jobs' clock is noon that day, when the
  // window (06:00–08:00) closed long ago and the transfer is due.
  jobDay = move.effectiveOn;
  const transfer = await owner.query<{ id: string }>(
    'SELECT id FROM team_transfers WHERE person_id = $1',
    [mover.id],
  );
  transferId = transfer.rows[0]?.id ?? '';

  // Hold the transfer's row: whichever instance takes the job blocks inside it, mid-run.
  lockHolder = new pg.Client({ connectionString: api.ownerUrl });
  await lockHolder.connect();
  await lockHolder.query('BEGIN');
  await lockHolder.query('SELECT id FROM team_transfers WHERE id = $1 FOR UPDATE', [transferId]);

  instances = ['a', 'b', 'c'].map((name) => startInstance(name, `${jobDay}T12:00:00Z`));
  await Promise.all(instances.map((instance) => waitForOutput(instance, /AEGIRA is running at/)));
}, 60_000);

afterAll(async () => {
  await lockHolder?.query('ROLLBACK').catch(() => undefined);
  await lockHolder?.end();
  await Promise.all(instances.map(stopInstance));
  await owner?.end();
  await api?.close();
}, 30_000);

describe('three API instances on one database', () => {
  it('complete each due transfer exactly once, even when the instance running it is killed', async () => {
    // One JSON line per entry (pino puts the message last): the start of this job for this company.
    const started = new RegExp(
      `"job":"${JOB_QUEUES.completeDueTransfers}","companyId":"${company.companyId}"[^\n]*"message":"Job started"`,
    );
    killed = await firstInstanceWith(started, 20_000);
    killed.child.kill('SIGKILL');
    await killed.exited;
    // The killed run never commits; the survivors get the job once pg-boss sees it expire.
    await lockHolder?.query('COMMIT');

    await waitUntil(async () => (await transferCompletions()) >= 1, 30_000);
    await sleep(2_000);
    expect(await transferCompletions()).toBe(1);
    const status = await owner.query<{ status: string }>(
      'SELECT status FROM team_transfers WHERE id = $1',
      [transferId],
    );
    expect(status.rows[0]?.status).toBe('COMPLETED');

    // job_runs tells the story: the blocked run, then the run that completed the transfer.
    // The blocked run ends as abandoned (killed mid-run, marked when its own retry starts), or,
    // if it had waited on the held row longer than the app role's lock_timeout (2 s, decision
    // 034) before the kill, as failed on that timeout. When the next minute's job completes the
    // transfer before that retry, the killed run still reads as running (seen under load in a
    // full run). Either way it changed nothing, which the single completion above proves.
    const runs = await runsOf(JOB_QUEUES.completeDueTransfers);
    const blocked = runs.filter((run) => run.outcome !== 'succeeded');
    expect(blocked.length).toBeGreaterThanOrEqual(1);
    for (const run of blocked) expect(['failed', 'running']).toContain(run.outcome);
    const completing = runs.filter((run) => (run.counts.completed ?? 0) > 0);
    expect(completing).toEqual([
      expect.objectContaining({ outcome: 'succeeded', counts: { completed: 1 } }),
    ]);
    // Admins read the same runs from any surviving instance.
    const survivor = instances.find((instance) => instance !== killed);
    const listed = await jobRunsOver(survivor, JOB_QUEUES.completeDueTransfers);
    expect(listed.map((run) => run.outcome).sort()).toEqual(runs.map((run) => run.outcome).sort());
  }, 45_000);

  it('record exactly one MISSED_CHECK_IN_DETECTED per worker-day', async () => {
    await waitUntil(async () => (await missesOn(jobDay)).length >= STABLE_WORKERS, 20_000);
    const detections = await owner.query<{ person_id: string; local_date: string; n: string }>(
      `SELECT payload->>'personId' AS person_id, payload->>'localDate' AS local_date, count(*) AS n
       FROM events WHERE company_id = $1 AND type = 'MISSED_CHECK_IN_DETECTED'
       GROUP BY 1, 2`,
      [company.companyId],
    );
    expect(detections.rows.filter((row) => row.n !== '1')).toEqual([]);
    expect((await missesOn(jobDay)).sort()).toEqual([...stableWorkerIds].sort());
    const runs = await runsOf(JOB_QUEUES.detectMissedCheckIns);
    expect(runs).toContainEqual(expect.objectContaining({ outcome: 'succeeded' }));
  }, 30_000);
});

function startInstance(name: string, jobClock: string): Instance {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    env: childProcessEnv({
      set: {
        DATABASE_URL: api.ownerUrl,
        PORT: '0',
        NODE_ENV: 'test',
        JWT_SECRET: TEST_JWT_SECRET,
        LOG_LEVEL: 'info',
        AEGIRA_JOBS: 'on',
        AEGIRA_JOB_TIMEOUT_SECONDS: String(RUN_TIMEOUT_SECONDS),
        AEGIRA_JOB_NOW: jobClock,
      },
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const instance: Instance = {
    name,
    child,
    output: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  const append = (chunk: Buffer) => {
    instance.output += chunk.toString('utf8');
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return instance;
}

/** SIGTERM, as a deployment would: the instance must be gone within 10 s. */
async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  instance.child.kill('SIGTERM');
  const code = await Promise.race([instance.exited, sleep(10_000).then(() => 'timeout' as const)]);
  if (code === 'timeout') {
    instance.child.kill('SIGKILL');
    throw new Error(`instance ${instance.name} did not stop within 10 s of SIGTERM`);
  }
}

async function waitForOutput(instance: Instance, pattern: RegExp): Promise<void> {
  await waitUntil(async () => {
    if (instance.child.exitCode !== null) {
      throw new Error(`instance ${instance.name} exited early:\n${instance.output}`);
    }
    return pattern.test(instance.output);
  }, 50_000);
}

async function firstInstanceWith(pattern: RegExp, timeoutMs: number): Promise<Instance> {
  let found: Instance | undefined;
  await waitUntil(async () => {
    found = instances.find((instance) => pattern.test(instance.output));
    return found !== undefined;
  }, timeoutMs);
  if (!found) throw new Error('unreachable: waitUntil returned without a match');
  return found;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      const logs = instances.map((instance) => `--- ${instance.name}\n${instance.output}`);
      throw new Error(`condition not met within ${timeoutMs} ms\n${logs.join('\n')}`);
    }
    await sleep(200);
  }
}

async function transferCompletions(): Promise<number> {
  const result = await owner.query(
    `SELECT id FROM events WHERE type = 'TEAM_TRANSFER_COMPLETED' AND payload->>'transferId' = $1`,
    [transferId],
  );
  return result.rowCount ?? 0;
}

async function missesOn(localDate: string): Promise<string[]> {
  const result = await owner.query<{ person_id: string }>(
    `SELECT person_id FROM missed_check_ins WHERE company_id = $1 AND local_date = $2::date
     AND person_id = ANY($3)`,
    [company.companyId, localDate, stableWorkerIds],
  );
  return result.rows.map((row) => row.person_id);
}

async function runsOf(job: string) {
  const result = await owner.query<{
    outcome: string;
    counts: Record<string, number>;
    error: string | null;
  }>(
    'SELECT outcome, counts, error FROM job_runs WHERE company_id = $1 AND job = $2 ORDER BY started_at',
    [company.companyId, job],
  );
  return result.rows;
}

/** jobs.runs over HTTP from one instance, with the admin's session cookie. */
async function jobRunsOver(instance: Instance | undefined, job: string) {
  const url = instance?.output.match(/AEGIRA is running at (\S+)/)?.[1];
  if (!url || !company.admin.token) throw new Error('no running instance or admin session');
  const input = encodeURIComponent(JSON.stringify({ job, limit: 100 }));
  const address = url.replace('localhost', '127.0.0.1');
  const response = await fetch(`${address}/trpc/jobs.runs?input=${input}`, {
    headers: { cookie: `__Host-aegira_session=${company.admin.token}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    result: { data: { items: Array<{ outcome: string }> } };
  };
  return body.result.data.items;
}
