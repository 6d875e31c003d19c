import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.ts';
import { createPerson } from '../../src/services/person-writes.ts';
import { failureOf, type TestApi, useTestApi } from '../../test-support/api-harness.ts';
import { berlin, fixClock } from '../../test-support/clock.ts';
import { type CompanyFixture, companyFixture, teamFixture } from '../../test-support/fixtures.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi(
  (ready) => {
    ({ api, owner } = ready);
  },
  // lock_timeout as in production (2 s): a wait beyond it would be a mapped, retryable error.
  { database: { timeouts: { lockMs: 2_000 } } },
);
beforeEach(() => fixClock(api, berlin('08:00')));

const PAIRS = 50;

async function workersIn(company: CompanyFixture, teamId: string, count: number) {
  const passwordHash = await hashPassword('lock-order-password');
  const ids = Array.from({ length: count }, () => randomUUID());
  // Ten at a time: set-up, not the case under test.
  for (let start = 0; start < count; start += 10) {
    await Promise.all(
      ids.slice(start, start + 10).map((id, offset) =>
        createPerson(api.db, company.actor, {
          id,
          email: `worker-${id.slice(0, 8)}@example.test`,
          firstName: 'Lock',
          lastName: `Order ${start + offset}`,
          role: 'WORKER',
          passwordHash,
          teamId,
          teamAssignedOn: '2026-01-01',
          windowStart: null,
          windowEnd: null,
          workDays: [],
        }),
      ),
    );
  }
  return ids;
}

async function deadlocks(): Promise<number> {
  // Backends report their statistics at most once a second: wait for the last ones.
  await sleep(1_500);
  await owner.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await owner.query<{ deadlocks: string }>(
    'SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0]?.deadlocks ?? 0);
}

/** Runs every call at once; each must succeed or fail with a retryable database error. */
async function allSucceedOrRetryable(calls: Array<() => Promise<unknown>>) {
  const outcomes = await Promise.all(
    calls.map(async (call) => {
      const started = performance.now();
      try {
        await call();
        return { ok: true as const, ms: performance.now() - started };
      } catch (error) {
        const failure = await failureOf(Promise.reject(error));
        return { ok: false as const, code: failure.code, ms: performance.now() - started };
      }
    }),
  );
  const failures = outcomes.filter((outcome) => !outcome.ok);
  console.info(
    `CC-8: ${outcomes.length - failures.length} succeeded, ${failures.length} retryable, slowest ${Math.round(Math.max(...outcomes.map((o) => o.ms)))} ms`,
  );
  for (const failure of failures)
    expect(['SERVICE_UNAVAILABLE', 'TIMEOUT']).toContain(failure.code);
  // Bounded: a request opens up to three transactions (session, due transfers, command), each
  // waiting at most maxWait (5 s) for a connection plus lock_timeout (2 s) for a lock; never
  // "as long as the lock lasts". Generous, as the machine is shared.
  expect(Math.max(...outcomes.map((outcome) => outcome.ms))).toBeLessThan(30_000);
  return {
    succeeded: outcomes.length - failures.length,
    ok: outcomes.map((outcome) => outcome.ok),
  };
}

describe('lock ordering', () => {
  it('CC-8: 100 concurrent moves between two teams in opposite directions, then their cancels: no deadlock, each succeeds or is retryable', async () => {
    const company = await companyFixture(api);
    const x = await teamFixture(api, company);
    const y = await teamFixture(api, company);
    const inX = await workersIn(company, x.id, PAIRS);
    const inY = await workersIn(company, y.id, PAIRS);
    const before = await deadlocks();

    // X → Y and Y → X interleaved: each locks its target team, its person, and writes a
    // transfer referencing both teams.
    const people = inX.flatMap((personId, index) => [
      { personId, teamId: y.id },
      { personId: inY[index] ?? '', teamId: x.id },
    ]);
    const moved = await allSucceedOrRetryable(
      people.map((move) => () => company.admin.api.teams.assignMember(move)),
    );
    // Then cancel every acknowledged move at once, in the same interleaved order.
    const cancelled = await allSucceedOrRetryable(
      people
        .filter((_, index) => moved.ok[index])
        .map(
          ({ personId }) =>
            () =>
              company.admin.api.teams.cancelTransfer({ personId }),
        ),
    );

    expect(await deadlocks()).toBe(before);
    // Most go through on a quiet machine; the point is that none hang or deadlock.
    expect(moved.succeeded).toBeGreaterThan(0);
    const { rows } = await owner.query<{ status: string; n: string }>(
      `SELECT status, count(*) AS n FROM team_transfers
        WHERE person_id = ANY($1::uuid[]) GROUP BY status ORDER BY status`,
      [[...inX, ...inY]],
    );
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
    // Every acknowledged move exists; every acknowledged cancel took effect.
    expect((byStatus.PENDING ?? 0) + (byStatus.CANCELLED ?? 0)).toBe(moved.succeeded);
    expect(byStatus.CANCELLED ?? 0).toBe(cancelled.succeeded);
  }, 180_000);
});
