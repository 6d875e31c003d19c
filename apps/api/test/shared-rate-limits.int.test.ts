import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.ts';
import { createTestApi, TEST_JWT_SECRET, type TestApi } from '../test-support/api-harness.ts';

// Two API instances (each its own pools and limiter) on one database: the login limits are
// counted in PostgreSQL (rate_limits), so neither instance restarts the count of the other
// (docs/decisions/021-shared-rate-limits.md). Over HTTP, from one client address.

// One client address: its failures on an account meet the (account, address) limit first.
const LIMITS = {
  perAddress: 6,
  failuresPerAccountAddress: 3,
  failuresPerAccount: 100,
  windowSeconds: 60,
};
const JSON_POST = { 'x-aegira-csrf': '1', 'content-type': 'application/json' };

let api: TestApi;
let owner: pg.Client;
let instanceA: RunningServer;
let instanceB: RunningServer;

beforeAll(async () => {
  api = await createTestApi();
  owner = new pg.Client({ connectionString: api.ownerUrl });
  await owner.connect();
  const options = {
    databaseUrl: api.appUrl,
    port: 0,
    jwtSecret: TEST_JWT_SECRET,
    secureCookies: false,
    logLevel: 'silent' as const,
    loginLimits: LIMITS,
  };
  instanceA = await startServer(options);
  instanceB = await startServer(options);
}, 60_000);

afterAll(async () => {
  await instanceA?.close();
  await instanceB?.close();
  await owner?.end();
  await api?.close();
});

async function login(instance: RunningServer, company: string, email: string, password: string) {
  const response = await fetch(`${instance.url}/trpc/auth.login`, {
    method: 'POST',
    headers: JSON_POST,
    body: JSON.stringify({ company, email, password }),
  });
  const body = (await response.json()) as { error?: { data?: { code?: string } } };
  return { status: response.status, code: body.error?.data?.code ?? 'OK' };
}

async function clearLimits() {
  await owner.query('DELETE FROM rate_limits');
}

describe('login limits shared by two instances on one database', () => {
  it('pauses an account after failures spread over both instances, on both, right password included', async () => {
    const { user, password } = await api.signUpCompany();
    await clearLimits();
    // Alternating instances: each saw fewer failures than the limit, together they reach it.
    const failures = [instanceA, instanceB, instanceA];
    for (const instance of failures) {
      expect(await login(instance, user.company.slug, user.email, 'wrong password!!')).toEqual({
        status: 401,
        code: 'UNAUTHORIZED',
      });
    }
    for (const instance of [instanceB, instanceA]) {
      expect(await login(instance, user.company.slug, user.email, password)).toEqual({
        status: 429,
        code: 'TOO_MANY_REQUESTS',
      });
    }
    // What the table keeps: counters under hashed keys, never the email or the address.
    const rows = await owner.query<{ key: string; points: number }>(
      'SELECT key, points FROM rate_limits ORDER BY key',
    );
    // Three failures on the account, on the account from this address, and three attempts on
    // the address (a paused account is refused before its attempt counts against the address).
    expect(rows.rows.map((row) => row.points)).toEqual([3, 3, 3]);
    for (const row of rows.rows) {
      expect(row.key).not.toContain(user.email);
      expect(row.key).not.toContain('127.0.0.1');
    }
  });

  it('counts one address over both instances', async () => {
    await clearLimits();
    const email = (n: number) => `spray-${n}-${Date.now().toString(36)}@example.test`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < LIMITS.perAddress + 1; attempt += 1) {
      const instance = attempt % 2 === 0 ? instanceA : instanceB;
      statuses.push(
        (await login(instance, 'spray-co', email(attempt), 'whatever-password')).status,
      );
    }
    expect(statuses).toEqual([...Array<number>(LIMITS.perAddress).fill(401), 429]);
  });

  it('lets a success on one instance clear the failures the other counted', async () => {
    await clearLimits();
    const { user, password } = await api.signUpCompany();
    for (let attempt = 0; attempt < LIMITS.failuresPerAccountAddress - 1; attempt += 1) {
      await login(instanceA, user.company.slug, user.email, 'wrong password!!');
    }
    expect((await login(instanceB, user.company.slug, user.email, password)).status).toBe(200);
    // The count started over: the limit's worth of failures again before a pause.
    for (let attempt = 0; attempt < LIMITS.failuresPerAccountAddress - 1; attempt += 1) {
      expect(
        (await login(instanceB, user.company.slug, user.email, 'wrong password!!')).status,
      ).toBe(401);
    }
    expect((await login(instanceA, user.company.slug, user.email, password)).status).toBe(200);
  });

  it('counts a company and email in any case as one account', async () => {
    await clearLimits();
    const { user, password } = await api.signUpCompany();
    const slug = user.company.slug;
    const variants = [
      [slug.toUpperCase(), user.email.toUpperCase()],
      [slug, user.email],
      [` ${slug}`, ` ${user.email}`],
    ] as const;
    for (const [index, [company, variant]] of variants.entries()) {
      await login(index % 2 === 0 ? instanceA : instanceB, company, variant, 'wrong password!!');
    }
    expect((await login(instanceB, user.company.slug, user.email, password)).status).toBe(429);
  });
});
