import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditChain } from '@aegira/db';
import { JOB_QUEUE_SCHEMA, JOB_QUEUES } from '@aegira/db/server';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { workVerifyAuditLog } from '../src/jobs/verify-audit-log-worker.ts';
import { AUDIT_BUNDLE_PATH } from '../src/modules/audit-chain/bundle-route.ts';
import { auditSigningKey } from '../src/services/audit-chain/signing-key.ts';
import { runVerifyJob } from '../src/services/audit-chain/verify-runs.ts';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { berlin, fixClock } from '../test-support/clock.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  holidayFixture,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});
beforeEach(() => fixClock(api, berlin('08:00')));

let dayCounter = 0;
async function addHolidays(company: CompanyFixture, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    dayCounter += 1;
    const date = new Date(Date.UTC(2030, 0, 1) + dayCounter * 86_400_000);
    await holidayFixture(api, company, {
      date: date.toISOString().slice(0, 10),
      name: `Day ${dayCounter}`,
      recurring: false,
    });
  }
}

/** A superuser's edit past the append-only guards (as in packages/db's audit-chain test). */
async function superuserEdit(sql: string, params: unknown[]): Promise<void> {
  await owner.query('BEGIN');
  try {
    await owner.query('SET LOCAL session_replication_role = replica');
    await owner.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
    await owner.query(sql, params);
    await owner.query('ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only');
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  }
}

async function eventIdAt(companyId: string, seq: number): Promise<string> {
  const rows = await owner.query<{ event_id: string }>(
    'SELECT event_id FROM event_seals WHERE company_id = $1 AND seq = $2',
    [companyId, seq],
  );
  const id = rows.rows[0]?.event_id;
  if (!id) throw new Error(`no seal ${seq}`);
  return id;
}

describe('auditChain.integrity and signCheckpoint', () => {
  it('shows no checkpoint at first, then the signed head; signing again with nothing new signs nothing', async () => {
    const company = await companyFixture(api);
    const before = await company.admin.api.auditChain.integrity();
    expect(before.checkpoint).toBeNull();
    expect(before.checkpoints).toBe(0);
    expect(before.events).toBeGreaterThan(0);
    expect(before.signingKeyId).toBe(auditSigningKey().keyId);

    const first = await company.admin.api.auditChain.signCheckpoint();
    expect(first.signed).toBe(true);
    const integrity = first.integrity;
    // The checkpoint signs every event before it; its own event is sealed right after.
    expect(integrity.checkpoint).toMatchObject({
      sequence: before.events,
      keyId: auditSigningKey().keyId,
      signedById: company.adminId,
      signedAt: berlin('08:00').toISOString(),
    });
    expect(integrity.events).toBe(before.events + 1);
    expect(integrity.sealed).toBe(integrity.events);
    expect(integrity.checkpoints).toBe(1);

    const again = await company.admin.api.auditChain.signCheckpoint();
    expect(again.signed).toBe(false);
    expect(again.integrity.checkpoints).toBe(1);
  });
});

describe('auditChain.startVerify and verifyStatus', () => {
  it('queues one run on verify-audit-log, reports it queued, then intact up to the checkpoint with every link checked', async () => {
    const company = await companyFixture(api);
    await addHolidays(company, 20);
    await company.admin.api.auditChain.signCheckpoint();
    const { checkpoint } = await company.admin.api.auditChain.integrity();

    expect((await company.admin.api.auditChain.verifyStatus({})).run).toBeNull();
    const queued = await company.admin.api.auditChain.startVerify();
    expect(queued).toMatchObject({ state: 'queued', checked: null, total: null });
    // A second click while it waits is the same run, not a second job.
    expect((await company.admin.api.auditChain.startVerify()).id).toBe(queued.id);
    const jobs = await owner.query<{ data: { companyId: string; runId: string } }>(
      `SELECT data FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'companyId' = $2`,
      [JOB_QUEUES.verifyAuditLog, company.companyId],
    );
    expect(jobs.rows.map((row) => row.data)).toEqual([
      { companyId: company.companyId, runId: queued.id },
    ]);

    await runVerifyJob(api.db, { companyId: company.companyId, runId: queued.id });
    const status = await company.admin.api.auditChain.verifyStatus({ runId: queued.id });
    expect(status.run).toMatchObject({
      id: queued.id,
      state: 'intact',
      intactUpToCheckpoint: checkpoint?.sequence,
      firstBrokenSeq: null,
      message: null,
    });
    expect(status.run?.checked).toBe(status.run?.total);
    expect(status.run?.total).toBeGreaterThan(checkpoint?.sequence ?? 0);
    expect(status.run?.finishedAt).not.toBeNull();
  });

  it('records its progress in the run as it goes, from 0 of the total to the end', async () => {
    const company = await companyFixture(api);
    await addHolidays(company, 30);
    const run = await company.admin.api.auditChain.startVerify();
    const seen: Array<{ state: string; checked: number | null; total: number | null }> = [];
    await runVerifyJob(
      api.db,
      { companyId: company.companyId, runId: run.id },
      {
        progressEvery: 10,
        afterProgress: async () => {
          const { run: now } = await company.admin.api.auditChain.verifyStatus({ runId: run.id });
          if (now) seen.push({ state: now.state, checked: now.checked, total: now.total });
        },
      },
    );
    const total = seen[0]?.total ?? 0;
    expect(total).toBeGreaterThan(30);
    expect(seen.slice(0, 4)).toEqual(
      [0, 10, 20, 30].map((checked) => ({ state: 'running', checked, total })),
    );
    expect(seen.at(-1)).toEqual({ state: 'running', checked: total, total });
  });

  it('finds an event changed by the owner connection at its sequence, and leaves another company intact', async () => {
    const company = await companyFixture(api);
    const other = await companyFixture(api);
    await addHolidays(company, 12);
    await addHolidays(other, 3);
    await company.admin.api.auditChain.signCheckpoint();
    await other.admin.api.auditChain.signCheckpoint();
    const signed = (await company.admin.api.auditChain.integrity()).checkpoint?.sequence ?? 0;
    // A holiday event well inside the signed chain, one byte of its name changed in place.
    const seq = signed - 3;
    await superuserEdit(
      `UPDATE events SET payload = jsonb_set(payload, '{name}', to_jsonb('X' || substr(payload->>'name', 2))) WHERE id = $1`,
      [await eventIdAt(company.companyId, seq)],
    );

    const run = await company.admin.api.auditChain.startVerify();
    await runVerifyJob(api.db, { companyId: company.companyId, runId: run.id });
    const { run: broken } = await company.admin.api.auditChain.verifyStatus({ runId: run.id });
    expect(broken).toMatchObject({
      state: 'broken',
      firstBrokenSeq: seq,
      verifiedThrough: seq - 1,
    });
    expect(broken?.message).toContain(`seq ${seq}`);

    const otherRun = await other.admin.api.auditChain.startVerify();
    await runVerifyJob(api.db, { companyId: other.companyId, runId: otherRun.id });
    expect((await other.admin.api.auditChain.verifyStatus({})).run?.state).toBe('intact');
    // A run of another company is not found, not shown.
    const foreign = await failureOf(other.admin.api.auditChain.verifyStatus({ runId: run.id }));
    expect(foreign.code).toBe('NOT_FOUND');
  });

  it('refuses a run id that is not one, naming the field', async () => {
    const company = await companyFixture(api);
    const failure = await failureOf(
      company.admin.api.auditChain.verifyStatus({ runId: 'not-a-uuid' }),
    );
    expect(failure.code).toBe('BAD_REQUEST');
    expect(failure.fieldErrors).toHaveProperty('runId');
  });

  it('runs on the queue: a worker on pg-boss picks the job up and records the verdict', async () => {
    const company = await companyFixture(api);
    const boss = new PgBoss({
      connectionString: api.appUrl,
      schema: JOB_QUEUE_SCHEMA,
      max: 2,
      migrate: false,
      supervise: false,
      schedule: false,
      pollingIntervalSeconds: 0.5,
    });
    boss.on('error', () => undefined);
    await boss.start();
    try {
      await workVerifyAuditLog(boss, { db: api.db, logger: api.deps.logger });
      const run = await company.admin.api.auditChain.startVerify();
      let state = run.state;
      for (let tries = 0; tries < 60 && (state === 'queued' || state === 'running'); tries += 1) {
        await sleep(250);
        state =
          (await company.admin.api.auditChain.verifyStatus({ runId: run.id })).run?.state ?? state;
      }
      expect(state).toBe('intact');
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});

describe('GET /api/audit-chain/bundle', () => {
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const app = createApp({ deps: api.deps, allowedOrigins: [] });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close?.();
  });

  const download = (token: string | null, headers: Record<string, string> = {}) =>
    fetch(`${base}${AUDIT_BUNDLE_PATH}`, {
      headers: { ...headers, ...(token ? { cookie: `__Host-aegira_session=${token}` } : {}) },
    });

  it('gives an admin the bundle, redacted as audit:export does, which verifies offline', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    await worker.client.api.checkIn.submit({ ...GOOD_CHECK_IN, notes: 'knee hurts' });
    await company.admin.api.auditChain.signCheckpoint();

    const response = await download(company.admin.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-.+\.ndjson"$/,
    );
    const text = await response.text();
    expect(text).not.toContain('knee hurts');
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as auditChain.BundleLine);
    expect(lines[0]).toMatchObject({ kind: 'header', sensitive: 'digested' });
    const checkIn = lines.find(
      (line) => line.kind === 'event' && line.type === 'CHECK_IN_SUBMITTED',
    );
    expect(checkIn).toMatchObject({ redacted: true });
    expect(JSON.stringify(checkIn)).toContain('[digest sha256:');

    const report = auditChain.verifyBundleText(text, {
      trustedPublicKey: auditSigningKey().publicKey,
    });
    expect(report).toMatchObject({ intact: true, companyId: company.companyId });
    expect(report.intactUpToCheckpoint).toBeGreaterThan(0);
  });

  it('refuses anyone but an admin in a browser session', async () => {
    const company = await companyFixture(api);
    const whs = await personFixture(api, company, 'WHS');
    expect((await download(null)).status).toBe(401);
    expect((await download('not-a-token')).status).toBe(401);
    expect((await download(whs.client.token)).status).toBe(403);
    // A session cookie beside an API token header is not a browser download.
    expect((await download(company.admin.token, { authorization: 'Bearer x' })).status).toBe(401);
  });
});
