import { setTimeout as sleep } from 'node:timers/promises';
import { installFaults, sql } from '@aegira/db/faults';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failureOf, type TestApi, useTestApi } from '../../test-support/api-harness.ts';
import { berlin, fixClock } from '../../test-support/clock.ts';
import {
  expectGeneric,
  expectNoIdleInTransaction,
  expectRetryable,
  ownerClient,
  rowCounts,
  uniqueApplicationName,
} from '../../test-support/fault-support.ts';
import {
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../../test-support/fixtures.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// The limits of decision 034, shortened so that each case takes seconds.
const APPLICATION_NAME = uniqueApplicationName('timeouts');
let api: TestApi;
let owner: pg.Client;
useTestApi(
  (ready) => {
    ({ api, owner } = ready);
  },
  {
    database: {
      applicationName: APPLICATION_NAME,
      timeouts: { lockMs: 1_000, statementMs: 2_000, idleInTransactionMs: 5_000 },
      transaction: { timeout: 15_000 },
    },
  },
);

let removeFaults: () => void = () => undefined;
beforeEach(() => fixClock(api, berlin('08:00')));
afterEach(() => removeFaults());

async function worker() {
  const company = await companyFixture(api);
  const team = await teamFixture(api, company);
  return personFixture(api, company, 'WORKER', { teamId: team.id });
}

describe('database timeouts (decision 034)', () => {
  it('FT-5: a check-in blocked by an external FOR UPDATE on the person fails fast with a mapped 55P03, then succeeds', async () => {
    const person = await worker();
    const locker = await ownerClient(api.ownerUrl);
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM persons WHERE id = $1 FOR UPDATE', [person.id]);
      const before = await rowCounts(owner);
      const started = performance.now();
      const failure = await failureOf(person.client.api.checkIn.submit(GOOD_CHECK_IN));
      const elapsed = performance.now() - started;
      expectRetryable(failure, ['SERVICE_UNAVAILABLE']);
      // lock_timeout is 1 s; generous upper bound for a loaded machine, far below the lock's life.
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(8_000);
      expect(await rowCounts(owner)).toEqual(before);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    const result = await person.client.api.checkIn.submit(GOOD_CHECK_IN);
    expect(result.localDate).toBe('2026-11-27');
  });

  it('FT-5: a held table lock on check_ins (issue 11: 34 s hangs) makes submit, amend and checkIn.today fail fast with a mapped 503', async () => {
    const person = await worker();
    await person.client.api.checkIn.submit(GOOD_CHECK_IN);
    // Counted outside the lock: the owner's own count would wait for it too.
    const before = await rowCounts(owner);
    const locker = await ownerClient(api.ownerUrl);
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE check_ins IN ACCESS EXCLUSIVE MODE');
      for (const call of [
        // Refused before it could even see the earlier check-in (that read waits on the lock).
        () => person.client.api.checkIn.submit(GOOD_CHECK_IN),
        () => person.client.api.checkIn.amend({ ...GOOD_CHECK_IN, stressLevel: 5 }),
        () => person.client.api.checkIn.today(),
      ]) {
        const started = performance.now();
        const failure = await failureOf(call());
        expectRetryable(failure, ['SERVICE_UNAVAILABLE']);
        expect(performance.now() - started).toBeLessThan(8_000);
      }
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect(await rowCounts(owner)).toEqual(before);
    expect(await person.client.api.checkIn.today()).not.toBeNull();
  });

  it('FT-3: a statement past statement_timeout rolls the transaction back (57014 → TIMEOUT), the connection is reused', async () => {
    const person = await worker();
    const before = await rowCounts(owner);
    removeFaults = installFaults(api.db, {
      afterEventInsert: async (tx) => {
        await tx.rows(sql(`SELECT pg_sleep(3)`));
      },
    });
    const failure = await failureOf(person.client.api.checkIn.submit(GOOD_CHECK_IN));
    removeFaults();
    expectRetryable(failure, ['TIMEOUT']);
    expect(await rowCounts(owner)).toEqual(before);
    // The pool (its connections survived the cancel) serves the retry.
    const result = await person.client.api.checkIn.submit(GOOD_CHECK_IN);
    expect(result.localDate).toBe('2026-11-27');
    await expectNoIdleInTransaction(owner, APPLICATION_NAME);
  });

  it('FT-4: a transaction left idle past idle_in_transaction_session_timeout is ended by the server; generic error, the pool replaces the connection', async () => {
    const person = await worker();
    const before = await rowCounts(owner);
    removeFaults = installFaults(api.db, {
      // No statement for 6 s inside the transaction: the server (5 s) ends the session.
      afterEventInsert: () => sleep(6_000),
    });
    const failure = await failureOf(person.client.api.checkIn.submit(GOOD_CHECK_IN));
    removeFaults();
    expectGeneric(failure);
    expect(await rowCounts(owner)).toEqual(before);
    const result = await person.client.api.checkIn.submit(GOOD_CHECK_IN);
    expect(result.localDate).toBe('2026-11-27');
    await expectNoIdleInTransaction(owner, APPLICATION_NAME);
  });
});

describe('over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      withWeb: false,
      database: { timeouts: { statementMs: 1_000 } },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('FT-3: a statement timeout reaches the client as 408 TIMEOUT with Retry-After: 1 and no SQL', async () => {
    const remove = installFaults(server.deps.db, {
      afterEventInsert: async (tx) => {
        await tx.rows(sql(`SELECT pg_sleep(2)`));
      },
    });
    try {
      const response = await fetch(`${server.url}/trpc/auth.signUp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-aegira-csrf': '1' },
        body: JSON.stringify({
          company: { name: 'Slow Co', timezone: 'Europe/Berlin' },
          admin: {
            firstName: 'Sam',
            lastName: 'Slow',
            email: `slow-${Date.now().toString(36)}@example.test`,
            password: 'slow-long-password',
          },
        }),
      });
      expect(response.status).toBe(408);
      expect(response.headers.get('retry-after')).toBe('1');
      const text = await response.text();
      expect(text).toContain('DATABASE_TIMEOUT');
      expect(text).not.toMatch(/pg_sleep|SELECT|statement timeout|57014|stack/i);
    } finally {
      remove();
    }
    const owner = await ownerClient(server.ownerUrl);
    try {
      const { rows } = await owner.query(`SELECT 1 FROM companies WHERE name = 'Slow Co'`);
      expect(rows).toEqual([]);
    } finally {
      await owner.end();
    }
  });
});
