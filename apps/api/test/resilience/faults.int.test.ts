import { setTimeout as sleep } from 'node:timers/promises';
import { type CreateDbOptions, createDb, type Db, withTenant } from '@aegira/db';
import { installFaults, sql } from '@aegira/db/faults';
import type pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureOf, type TestApi, TestClient, useTestApi } from '../../test-support/api-harness.ts';
import { berlin, fixClock } from '../../test-support/clock.ts';
import {
  expectGeneric,
  expectNoIdleInTransaction,
  expectRetryable,
  gate,
  rowCounts,
  terminateBackends,
  uniqueApplicationName,
} from '../../test-support/fault-support.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../../test-support/fixtures.ts';
import { startTcpProxy } from '../../test-support/tcp-proxy.ts';

const APPLICATION_NAME = uniqueApplicationName('faults');
let api: TestApi;
let owner: pg.Client;
useTestApi(
  (ready) => {
    ({ api, owner } = ready);
  },
  { database: { applicationName: APPLICATION_NAME } },
);

let removeFaults: () => void = () => undefined;
const extraDbs: Db[] = [];
beforeEach(() => fixClock(api, berlin('08:00')));
afterEach(() => removeFaults());
afterAll(async () => {
  await Promise.all(extraDbs.map((db) => db.$disconnect()));
});

async function worker(company?: CompanyFixture) {
  const c = company ?? (await companyFixture(api));
  const team = await teamFixture(api, c);
  return { ...(await personFixture(api, c, 'WORKER', { teamId: team.id })), company: c };
}

/** The same signed-in person, over a database client of its own (other limits, other hooks). */
function over(db: Db, client: TestClient): TestClient {
  const other = new TestClient({ ...api.deps, db });
  other.token = client.token;
  return other;
}

function extraDb(options: CreateDbOptions): Db {
  const db = createDb(api.appUrl, options);
  extraDbs.push(db);
  return db;
}

describe('fault injection in the write path (decision 034)', () => {
  it('FT-1: a backend killed between the event insert and the projection leaves nothing; generic error; the next request succeeds', async () => {
    const person = await worker();
    const before = await rowCounts(owner);
    const paused = gate();
    const release = gate();
    removeFaults = installFaults(api.db, {
      afterEventInsert: async () => {
        paused.open();
        await release.opened;
      },
    });
    const call = failureOf(person.client.api.checkIn.submit(GOOD_CHECK_IN));
    await paused.opened;
    removeFaults();
    expect(await terminateBackends(owner, APPLICATION_NAME)).toBeGreaterThanOrEqual(1);
    release.open();
    const failure = await call;
    expectGeneric(failure);
    expect(await rowCounts(owner)).toEqual(before);
    const result = await person.client.api.checkIn.submit(GOOD_CHECK_IN);
    expect(result.localDate).toBe('2026-11-27');
    expect(process.exitCode ?? 0).toBe(0);
  });

  it.each([
    [
      'a check violation (unmapped: generic 500)',
      `RAISE check_violation USING MESSAGE = 'new row for relation "check_ins" violates check constraint "check_ins_score_check"'`,
      'INTERNAL_SERVER_ERROR',
    ],
    [
      'a foreign-key violation (mapped: NOT_FOUND)',
      `RAISE foreign_key_violation USING MESSAGE = 'insert or update on table "check_ins" violates foreign key constraint "check_ins_person_fk"'`,
      'NOT_FOUND',
    ],
  ])(
    'AT-1: %s in the entity write after the event insert leaves neither row; the client gets a mapped error',
    async (_label, raise, code) => {
      const person = await worker();
      const before = await rowCounts(owner);
      removeFaults = installFaults(api.db, {
        afterEventInsert: async (tx) => {
          await tx.run(sql(`DO $$ BEGIN ${raise}; END $$`));
        },
      });
      const failure = await failureOf(person.client.api.checkIn.submit(GOOD_CHECK_IN));
      removeFaults();
      expect(failure.code).toBe(code);
      expect(failure.message).not.toMatch(/check_ins|constraint|violates|relation/i);
      expect(await rowCounts(owner)).toEqual(before);
    },
  );

  it('AT-1: a deadlock or serialization failure after the event insert is a retryable SERVICE_UNAVAILABLE, nothing written', async () => {
    const person = await worker();
    const before = await rowCounts(owner);
    removeFaults = installFaults(api.db, {
      afterEventInsert: async (tx) => {
        await tx.run(sql(`DO $$ BEGIN RAISE serialization_failure; END $$`));
      },
    });
    const failure = await failureOf(person.client.api.checkIn.submit(GOOD_CHECK_IN));
    removeFaults();
    expectRetryable(failure, ['SERVICE_UNAVAILABLE']);
    expect(await rowCounts(owner)).toEqual(before);
  });

  it('FT-9: after a database error inside an interactive transaction, 1,000 follow-up queries on the same client all get their own answers', async () => {
    const a = await worker();
    const b = await companyFixture(api);
    removeFaults = installFaults(api.db, {
      afterEventInsert: async (tx) => {
        await tx.rows(sql(`SELECT 1 / 0`));
      },
    });
    const failure = await failureOf(a.client.api.checkIn.submit(GOOD_CHECK_IN));
    removeFaults();
    expectGeneric(failure);
    const companies = [a.company.companyId, b.companyId];
    const mismatches: string[] = [];
    // Ten at a time, so that the pool's connections (the failed one among them) all serve.
    for (let start = 0; start < 1_000; start += 10) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, offset) => {
          const n = start + offset;
          if (n % 5 === 0) {
            // A tenant-bound read: the company it sees must be the one it bound.
            const company = companies[n % 2] ?? '';
            const [row] = await withTenant(
              api.db,
              company,
              (tx) => tx.$queryRaw<{ bound: string }[]>`
                SELECT current_setting('app.company_id', true) AS bound`,
            );
            if (row?.bound !== company) mismatches.push(`${n}: bound ${row?.bound}`);
            return;
          }
          const [row] = await api.db.$queryRaw<{ n: number; h: string }[]>`
            SELECT ${n}::int * 7 AS n, md5(${String(n)}) AS h`;
          const expected = (await import('node:crypto'))
            .createHash('md5')
            .update(String(n))
            .digest('hex');
          if (row?.n !== n * 7 || row.h !== expected)
            mismatches.push(`${n}: ${JSON.stringify(row)}`);
        }),
      );
    }
    expect(mismatches).toEqual([]);
    await expectNoIdleInTransaction(owner, APPLICATION_NAME);
  });

  it('AT-4: a transaction past the interactive timeout aborts: no partial rows, generic error, no backend idle in transaction', async () => {
    const person = await worker();
    const applicationName = uniqueApplicationName('at4');
    const db = extraDb({ applicationName, transaction: { timeout: 1_000 } });
    const before = await rowCounts(owner);
    removeFaults = installFaults(db, { beforeCommit: () => sleep(1_500) });
    const failure = await failureOf(over(db, person.client).api.checkIn.submit(GOOD_CHECK_IN));
    removeFaults();
    expectGeneric(failure);
    expect(await rowCounts(owner)).toEqual(before);
    await expectNoIdleInTransaction(owner, applicationName);
    // The client recovers: the next command commits.
    await over(db, person.client).api.checkIn.submit(GOOD_CHECK_IN);
  });

  it('FT-6: the event loop blocked for 500 ms right after $transaction (maxWait 200 ms) leaves no backend idle in transaction, and the next transaction commits only its own rows', async () => {
    const person = await worker();
    const other = await worker(person.company);
    const applicationName = uniqueApplicationName('ft6');
    const db = extraDb({ applicationName, transaction: { maxWait: 200 } });
    // Warm the pool: an idle connection is handed out at once, as in prisma#29719.
    await over(db, person.client).api.checkIn.today();
    const before = await rowCounts(owner);
    removeFaults = installFaults(db, {
      transactionCalled: () => {
        const until = Date.now() + 500;
        while (Date.now() < until) {
          // Busy-wait: the event loop is blocked, timers (maxWait) fire late.
        }
      },
    });
    const outcome = await over(db, person.client)
      .api.checkIn.submit(GOOD_CHECK_IN)
      .then(
        () => 'committed' as const,
        (error: unknown) => error,
      );
    removeFaults();
    await sleep(300);
    await expectNoIdleInTransaction(owner, applicationName);
    const afterBlocked = await rowCounts(owner);
    if (outcome === 'committed') {
      expect(afterBlocked.check_ins).toBe((before.check_ins ?? 0) + 1);
    } else {
      expect(afterBlocked).toEqual(before);
      expectRetryable(await failureOf(Promise.reject(outcome)), ['SERVICE_UNAVAILABLE']);
    }
    // The next transaction on the same client commits exactly its own row.
    await over(db, other.client).api.checkIn.submit(GOOD_CHECK_IN);
    const afterNext = await rowCounts(owner);
    expect(afterNext.check_ins).toBe((afterBlocked.check_ins ?? 0) + 1);
    expect(afterNext.events).toBe((afterBlocked.events ?? 0) + 1);
    const { rows } = await owner.query<{ person_id: string }>(
      `SELECT person_id FROM check_ins WHERE person_id = ANY($1::uuid[])`,
      [[person.id, other.id]],
    );
    expect(rows.map((row) => row.person_id).sort()).toEqual(
      (outcome === 'committed' ? [person.id, other.id] : [other.id]).sort(),
    );
  });
  it('FT-7: the interactive timeout firing while COMMIT is in flight: the process survives and the answer matches what committed', async () => {
    const person = await worker();
    const applicationName = uniqueApplicationName('ft7');
    const db = extraDb({ applicationName, transaction: { timeout: 1_000 } });
    // A slow COMMIT, test database only: a deferred trigger that sleeps at commit when the
    // transaction asked for it (so every other transaction here commits at normal speed).
    await owner.query(`
      CREATE FUNCTION test_slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('aegira.test_slow_commit', true) = 'on' THEN PERFORM pg_sleep(2); END IF;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER test_slow_commit AFTER INSERT ON events
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_slow_commit();`);
    try {
      const before = await rowCounts(owner);
      removeFaults = installFaults(db, {
        beforeCommit: async (tx) => {
          await tx.rows(sql(`SELECT set_config('aegira.test_slow_commit', 'on', true)`));
          // COMMIT starts at ~0.6 s and takes 2 s: the 1 s timeout fires while it is in flight.
          await sleep(600);
        },
      });
      const started = performance.now();
      const outcome = await over(db, person.client)
        .api.checkIn.submit(GOOD_CHECK_IN)
        .then(
          () => 'acknowledged' as const,
          (error: unknown) => error,
        );
      // The COMMIT was really slow, i.e. still in flight when the 1 s timeout fired.
      expect(performance.now() - started).toBeGreaterThan(2_000);
      removeFaults();
      await sleep(1_000);
      const after = await rowCounts(owner);
      // Prisma 7.10 queues the timeout behind the in-flight COMMIT (its operation queue), so
      // the commit completes and is acknowledged; whichever way, the answer must match the rows.
      if (outcome === 'acknowledged') {
        expect(after.check_ins).toBe((before.check_ins ?? 0) + 1);
      } else {
        expectGeneric(await failureOf(Promise.reject(outcome)));
        expect(after).toEqual(before);
      }
      expect(outcome).toBe('acknowledged');
      await expectNoIdleInTransaction(owner, applicationName);
      // Still serving.
      expect(await over(db, person.client).api.checkIn.today()).not.toBeNull();
    } finally {
      await owner.query(
        'DROP TRIGGER test_slow_commit ON events; DROP FUNCTION test_slow_commit()',
      );
    }
  });
  it('FT-8: every socket between app and database cut mid-transaction: rollback, no partial rows, recovery, no crash', async () => {
    const person = await worker();
    const proxy = await startTcpProxy(api.appUrl);
    try {
      const db = createDb(proxy.url, { applicationName: uniqueApplicationName('ft8') });
      extraDbs.push(db);
      const before = await rowCounts(owner);
      const paused = gate();
      const release = gate();
      removeFaults = installFaults(db, {
        afterEventInsert: async () => {
          paused.open();
          await release.opened;
        },
      });
      const call = failureOf(over(db, person.client).api.checkIn.submit(GOOD_CHECK_IN));
      await paused.opened;
      removeFaults();
      expect(proxy.cutAll()).toBeGreaterThanOrEqual(2);
      release.open();
      expectGeneric(await call);
      // The server sees the socket close and rolls back; give it a moment to notice.
      await sleep(300);
      expect(await rowCounts(owner)).toEqual(before);
      // New connections through the proxy serve the retry.
      const result = await over(db, person.client).api.checkIn.submit(GOOD_CHECK_IN);
      expect(result.localDate).toBe('2026-11-27');
      await db.$disconnect();
    } finally {
      await proxy.close();
    }
  });
});
