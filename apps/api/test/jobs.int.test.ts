import { setTimeout as sleep } from 'node:timers/promises';
import { APP_ROLE, JOB_QUEUE_SCHEMA, JOB_QUEUES } from '@aegira/db/server';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_JOBS } from '../src/jobs/company-jobs.ts';
import { fanOutCompanyJobs } from '../src/jobs/fan-out.ts';
import { recordRun } from '../src/jobs/record-run.ts';
import { FAN_OUT_SLOT_SECONDS, scheduleFanOut } from '../src/jobs/schedule.ts';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { type CompanyFixture, companyFixture, personFixture } from '../test-support/fixtures.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

let first: CompanyFixture;
let second: CompanyFixture;
beforeAll(async () => {
  first = await companyFixture(api);
  second = await companyFixture(api, 'America/Los_Angeles');
});

interface RunRow {
  job: string;
  outcome: string;
  counts: Record<string, number>;
  error: string | null;
  finished_at: Date | null;
}

async function runsOf(companyId: string, job: string) {
  const result = await owner.query<RunRow>(
    'SELECT job, outcome, counts, error, finished_at FROM job_runs WHERE company_id = $1 AND job = $2 ORDER BY started_at',
    [companyId, job],
  );
  return result.rows;
}

describe('recordRun', () => {
  it('records a run as running, then succeeded with its counts', async () => {
    let seenWhileRunning: RunRow[] = [];
    const counts = await recordRun(
      api.db,
      { companyId: first.companyId, job: 'test-success', abandonAfterSeconds: 600 },
      async () => {
        seenWhileRunning = await runsOf(first.companyId, 'test-success');
        return { detected: 3, daysChecked: 1 };
      },
    );
    expect(counts).toEqual({ detected: 3, daysChecked: 1 });
    expect(seenWhileRunning).toMatchObject([{ outcome: 'running', finished_at: null }]);
    expect(await runsOf(first.companyId, 'test-success')).toMatchObject([
      { outcome: 'succeeded', counts: { detected: 3, daysChecked: 1 }, error: null },
    ]);
  });

  it('records a failure with its message but no stack, and rethrows it', async () => {
    const failure = new Error('the database went away');
    await expect(
      recordRun(
        api.db,
        { companyId: first.companyId, job: 'test-failure', abandonAfterSeconds: 600 },
        async () => {
          throw failure;
        },
      ),
    ).rejects.toBe(failure);
    const [run] = await runsOf(first.companyId, 'test-failure');
    expect(run).toMatchObject({
      outcome: 'failed',
      counts: {},
      error: 'Error: the database went away',
    });
    expect(run?.error).not.toContain('at ');
    expect(run?.finished_at).toBeInstanceOf(Date);
  });

  it('marks a run left running past the timeout as abandoned when the next one starts', async () => {
    const job = 'test-abandoned';
    // A run whose instance died: its row was never finished.
    await owner.query(
      `INSERT INTO job_runs (id, company_id, job, started_at, outcome)
       VALUES (gen_random_uuid(), $1, $2, now() - interval '10 minutes', 'running')`,
      [first.companyId, job],
    );
    // A run of the same job that is merely slow, and one of another company: left alone.
    await owner.query(
      `INSERT INTO job_runs (id, company_id, job, started_at, outcome)
       VALUES (gen_random_uuid(), $1, $2, now(), 'running'),
              (gen_random_uuid(), $3, $2, now() - interval '10 minutes', 'running')`,
      [first.companyId, job, second.companyId],
    );
    await recordRun(
      api.db,
      { companyId: first.companyId, job, abandonAfterSeconds: 60 },
      async () => ({}),
    );
    const runs = await runsOf(first.companyId, job);
    expect(runs.map((run) => run.outcome)).toEqual(['failed', 'running', 'succeeded']);
    expect(runs[0]?.error).toMatch(/^Abandoned/);
    expect((await runsOf(second.companyId, job)).map((run) => run.outcome)).toEqual(['running']);
  });
});

describe('jobs.runs', () => {
  it('lists the company’s runs for its admin, newest first, by page and by job', async () => {
    const job = 'test-listing';
    for (let index = 0; index < 3; index++) {
      await recordRun(
        api.db,
        { companyId: first.companyId, job, abandonAfterSeconds: 600 },
        async () => ({ index }),
      );
    }
    const page1 = await first.admin.api.jobs.runs({ job, limit: 2 });
    expect(page1.items.map((run) => run.counts)).toEqual([{ index: 2 }, { index: 1 }]);
    expect(page1.items[0]).toMatchObject({ job, outcome: 'succeeded', error: null });
    expect(page1.items[0]?.finishedAt).not.toBeNull();
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await first.admin.api.jobs.runs({
      job,
      limit: 2,
      cursor: page1.nextCursor ?? undefined,
    });
    expect(page2.items.map((run) => run.counts)).toEqual([{ index: 0 }]);
    expect(page2.nextCursor).toBeNull();

    const all = await first.admin.api.jobs.runs({ limit: 100 });
    expect(new Set(all.items.map((run) => run.job))).toContain('test-failure');
  });

  it('shows another company nothing of this one', async () => {
    const theirs = await second.admin.api.jobs.runs({ job: 'test-listing', limit: 10 });
    expect(theirs.items).toEqual([]);
  });

  it('is for admins only, and names a bad limit', async () => {
    const worker = await personFixture(api, first, 'WORKER');
    expect((await failureOf(worker.client.api.jobs.runs({ limit: 5 }))).code).toBe('FORBIDDEN');
    const bad = await failureOf(first.admin.api.jobs.runs({ limit: 500 }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.fieldErrors?.limit?.[0]).toMatch(/between 1 and 100/);
  });
});

describe('the job queue as the application role', () => {
  let boss: PgBoss;
  beforeAll(async () => {
    boss = new PgBoss({
      connectionString: api.appUrl,
      schema: JOB_QUEUE_SCHEMA,
      migrate: false,
      supervise: false,
      schedule: false,
      max: 4,
    });
    boss.on('error', () => undefined);
    await boss.start();
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false });
  });

  it('is installed by the owner: the application role owns nothing and may create nothing', async () => {
    const owned = await owner.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND pg_get_userbyid(c.relowner) = $2`,
      [JOB_QUEUE_SCHEMA, APP_ROLE],
    );
    expect(owned.rows).toEqual([]);
    const rights = await owner.query<{ create: boolean; usage: boolean; insert: boolean }>(
      `SELECT has_schema_privilege($1, $2, 'CREATE') AS create,
              has_schema_privilege($1, $2, 'USAGE') AS usage,
              has_table_privilege($1, $2 || '.job', 'INSERT') AS insert`,
      [APP_ROLE, JOB_QUEUE_SCHEMA],
    );
    expect(rights.rows[0]).toEqual({ create: false, usage: true, insert: true });
    // Its queues exist already, so "create" is a no-op for them (each instance's cron does
    // it); a queue the owner did not create cannot be made.
    await expect(boss.createQueue(JOB_QUEUES.fanOut)).resolves.toBeUndefined();
    await expect(boss.createQueue('not-installed')).rejects.toThrow(/permission denied/);
  });

  it('sends each company one job of each kind per slot, however many fan-outs run', async () => {
    await awayFromSlotEdge();
    const results = await Promise.all([
      fanOutCompanyJobs(api.db, boss, COMPANY_JOBS),
      fanOutCompanyJobs(api.db, boss, COMPANY_JOBS),
      fanOutCompanyJobs(api.db, boss, COMPANY_JOBS),
    ]);
    expect(results.map((result) => result.companies)).toEqual([2, 2, 2]);
    const jobs = await owner.query<{ name: string; company_id: string; n: string }>(
      `SELECT name, data->>'companyId' AS company_id, count(*) AS n FROM pgboss.job
       WHERE name = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2`,
      [COMPANY_JOBS.map((job) => job.queue)],
    );
    const expected = COMPANY_JOBS.flatMap((job) =>
      [first.companyId, second.companyId].map((companyId) => ({
        name: job.queue,
        company_id: companyId,
        n: '1',
      })),
    );
    const byKey = (
      a: { name: string; company_id: string },
      b: { name: string; company_id: string },
    ) => `${a.name}${a.company_id}`.localeCompare(`${b.name}${b.company_id}`);
    expect(jobs.rows.sort(byKey)).toEqual(expected.sort(byKey));
  });

  it('keeps one cron entry and one fan-out per slot when every instance schedules', async () => {
    await awayFromSlotEdge();
    await Promise.all([
      scheduleFanOut(boss, JOB_QUEUES.fanOut),
      scheduleFanOut(boss, JOB_QUEUES.fanOut),
    ]);
    const schedules = await owner.query<{ name: string; cron: string }>(
      'SELECT name, cron FROM pgboss.schedule',
    );
    expect(schedules.rows).toEqual([{ name: JOB_QUEUES.fanOut, cron: '* * * * *' }]);
    const fanOuts = await owner.query('SELECT id FROM pgboss.job WHERE name = $1', [
      JOB_QUEUES.fanOut,
    ]);
    expect(fanOuts.rowCount).toBe(1);
  });
});

/** Waits out the last seconds of a slot (the shortest, whose edges are every slot's), so that calls meant for one slot share it. */
async function awayFromSlotEdge(): Promise<void> {
  const slotMs = FAN_OUT_SLOT_SECONDS * 1000;
  const untilNext = slotMs - (Date.now() % slotMs);
  if (untilNext < 3000) await sleep(untilNext + 200);
}
