import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pruneIdempotencyKeys } from '@aegira/db';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { failureOf, type TestApi, useTestApi } from '../../test-support/api-harness.ts';
import { berlin, fixClock } from '../../test-support/clock.ts';
import { type CompanyFixture, companyFixture, personFixture } from '../../test-support/fixtures.ts';

// Idempotency-Key on authenticated mutations (CC-5; decision 035).

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  // The real Express app over this file's database, for the header over HTTP.
  server = createServer(createApp({ deps: api.deps, allowedOrigins: [] }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let dayCounter = 0;
/** A date no other test of this file uses, so holidays never clash by accident. */
function freshDate(): string {
  dayCounter += 1;
  const day = new Date(Date.UTC(2031, 0, 1) + dayCounter * 86_400_000);
  return day.toISOString().slice(0, 10);
}

async function holidayEvents(companyId: string): Promise<number> {
  const { rows } = await owner.query<{ n: string }>(
    `SELECT count(*) AS n FROM events WHERE company_id = $1 AND type = 'HOLIDAY_CREATED'`,
    [companyId],
  );
  return Number(rows[0]?.n);
}

async function withKey<T>(company: CompanyFixture, key: string | null, call: () => Promise<T>) {
  company.admin.idempotencyKey = key;
  try {
    return await call();
  } finally {
    company.admin.idempotencyKey = null;
  }
}

describe('idempotency keys', () => {
  it('CC-5: the same mutation sent twice with one key writes one event and answers the same; another request with that key gets 422', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const key = randomUUID();
    const input = { date: freshDate(), name: 'Retry Day' };
    const first = await withKey(company, key, () => company.admin.api.holidays.create(input));
    const second = await withKey(company, key, () => company.admin.api.holidays.create(input));
    expect(second).toEqual(first);
    expect(await holidayEvents(company.companyId)).toBe(1);

    const other = await failureOf(
      withKey(company, key, () =>
        company.admin.api.holidays.create({ date: freshDate(), name: 'Another Day' }),
      ),
    );
    expect(other.code).toBe('UNPROCESSABLE_CONTENT');
    expect(other.appCode).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await holidayEvents(company.companyId)).toBe(1);
  });

  it('CC-5: ten concurrent duplicates wait for the first and all get its answer; one event', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const key = randomUUID();
    const input = { date: freshDate(), name: 'Burst Day' };
    company.admin.idempotencyKey = key;
    // Each caller is built now, so each carries the key.
    const calls = Array.from({ length: 10 }, () => company.admin.api.holidays.create(input));
    company.admin.idempotencyKey = null;
    const answers = await Promise.all(calls);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(await holidayEvents(company.companyId)).toBe(1);
  });

  it('a key is scoped to its sender: another admin of the company reusing it is refused, another company is unaffected', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const colleague = await personFixture(api, company, 'ADMIN');
    const elsewhere = await companyFixture(api);
    const key = randomUUID();
    const input = { date: freshDate(), name: 'Shared Key Day' };
    await withKey(company, key, () => company.admin.api.holidays.create(input));
    colleague.client.idempotencyKey = key;
    const refused = await failureOf(colleague.client.api.holidays.create(input));
    expect(refused.appCode).toBe('IDEMPOTENCY_KEY_REUSED');
    const theirs = await withKey(elsewhere, key, () => elsewhere.admin.api.holidays.create(input));
    expect(theirs.name).toBe('Shared Key Day');
    expect(await holidayEvents(company.companyId)).toBe(1);
    expect(await holidayEvents(elsewhere.companyId)).toBe(1);
  });

  it('a refused request keeps no key: after the cause is fixed, the same key runs again', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const date = freshDate();
    const taken = await company.admin.api.holidays.create({ date, name: 'Taken' });
    const key = randomUUID();
    const input = { date, name: 'Second' };
    const clash = await failureOf(
      withKey(company, key, () => company.admin.api.holidays.create(input)),
    );
    expect(clash.appCode).toBe('HOLIDAY_EXISTS');
    await company.admin.api.holidays.deactivate({ holidayId: taken.id });
    const retried = await withKey(company, key, () => company.admin.api.holidays.create(input));
    expect(retried.name).toBe('Second');
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const company = await companyFixture(api);
    const failure = await failureOf(
      withKey(company, 'has spaces in it', () =>
        company.admin.api.holidays.create({ date: freshDate(), name: 'Bad Key' }),
      ),
    );
    expect(failure.code).toBe('BAD_REQUEST');
    expect(failure.fieldErrors).toHaveProperty('Idempotency-Key');
  });

  it('works over HTTP: a REST retry gets the first answer, a tRPC reuse with another body gets 422', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const { token } = await company.admin.api.apiTokens.create({
      name: 'Retrying client',
      scope: 'ADMIN',
    });
    const key = randomUUID();
    const body = JSON.stringify({ date: freshDate(), name: 'REST Retry' });
    const post = () =>
      fetch(`${baseUrl}/api/v1/holidays/create`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body,
      });
    const first = await post();
    const second = await post();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());

    const trpcKey = randomUUID();
    const trpcPost = () =>
      fetch(`${baseUrl}/trpc/holidays.create`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': trpcKey,
        },
        body: JSON.stringify({ date: freshDate(), name: 'tRPC Retry' }),
      });
    const one = await trpcPost();
    const two = await trpcPost();
    expect(two.status).toBe(422);
    expect(one.status).toBe(200);
    expect(await holidayEvents(company.companyId)).toBe(2);
  });

  it('prunes keys older than 24 hours; an expired key runs the request again', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const key = randomUUID();
    const input = { date: freshDate(), name: 'Old Key Day' };
    await withKey(company, key, () => company.admin.api.holidays.create(input));
    await owner.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '25 hours'
       WHERE company_id = $1 AND key = $2`,
      [company.companyId, key],
    );
    const again = await failureOf(
      withKey(company, key, () => company.admin.api.holidays.create(input)),
    );
    expect(again.appCode).toBe('HOLIDAY_EXISTS'); // ran again: the holiday now exists
    const pruned = await pruneIdempotencyKeys(api.db, company.companyId, new Date());
    expect(pruned).toBe(1);
    const left = await owner.query('SELECT key FROM idempotency_keys WHERE company_id = $1', [
      company.companyId,
    ]);
    expect(left.rowCount).toBe(0);
  });
});
