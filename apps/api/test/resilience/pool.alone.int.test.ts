import { setTimeout as sleep } from 'node:timers/promises';
import { installFaults } from '@aegira/db/faults';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { failureOf, type TestApi, useTestApi } from '../../test-support/api-harness.ts';
import { rowCounts } from '../../test-support/fault-support.ts';
import { companyFixture } from '../../test-support/fixtures.ts';

const CONNECTION_TIMEOUT_MS = 5_000;
const MAX_WAIT_MS = 5_000;

let api: TestApi;
let owner: pg.Client;
useTestApi(
  (ready) => {
    ({ api, owner } = ready);
  },
  {
    database: {
      maxConnections: 5,
      connectionTimeoutMs: CONNECTION_TIMEOUT_MS,
      transaction: { maxWait: MAX_WAIT_MS },
    },
  },
);

function dayAfter(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('pool exhaustion', () => {
  it('LD-3: pool max 5 and 100 concurrent slow writes: each succeeds or gets a 503 within connectionTimeout + maxWait; all succeed again within 5 s', async () => {
    const company = await companyFixture(api);
    const before = await rowCounts(owner);
    // Slow-ish: each command holds its connection for 300 ms.
    const remove = installFaults(api.db, { afterEventInsert: () => sleep(300) });
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, async (_, index) => {
        const started = performance.now();
        const call = company.admin.api.holidays.create({
          date: dayAfter('2027-01-01', index),
          name: `Pool day ${index}`,
        });
        try {
          await call;
          return { ok: true, code: 'OK', ms: performance.now() - started };
        } catch (error) {
          const failure = await failureOf(Promise.reject(error));
          return { ok: false, code: failure.code, ms: performance.now() - started };
        }
      }),
    );
    remove();
    const failed = outcomes.filter((outcome) => !outcome.ok);
    const succeeded = outcomes.length - failed.length;
    console.info(
      `LD-3: ${succeeded} succeeded, ${failed.length} got 503; slowest failure ${Math.round(
        Math.max(0, ...failed.map((outcome) => outcome.ms)),
      )} ms, slowest request ${Math.round(Math.max(...outcomes.map((outcome) => outcome.ms)))} ms`,
    );
    expect(new Set(failed.map((outcome) => outcome.code))).toEqual(
      failed.length > 0 ? new Set(['SERVICE_UNAVAILABLE']) : new Set(),
    );
    // A request opens two transactions (the session check, the command): each may wait up to
    // maxWait for a connection. Slack for a shared, loaded machine; never an unbounded wait.
    const bound = 2 * (CONNECTION_TIMEOUT_MS + MAX_WAIT_MS) + 10_000;
    for (const outcome of failed) expect(outcome.ms).toBeLessThan(bound);
    // Every acknowledged write is there, and nothing else.
    expect((await rowCounts(owner)).events).toBe((before.events ?? 0) + succeeded);

    // Within 5 s after the load stops, everything succeeds again.
    const recovered = performance.now();
    for (let index = 0; index < 10; index += 1) {
      await company.admin.api.holidays.create({
        date: dayAfter('2028-01-01', index),
        name: `After day ${index}`,
      });
    }
    expect(performance.now() - recovered).toBeLessThan(5_000);
  }, 120_000);
});
