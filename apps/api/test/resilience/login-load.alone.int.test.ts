import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_LIMITS } from '../../src/auth/login-limiter.ts';
import { passwordVerifications } from '../../src/auth/password.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// LD-4 (../shared/resilience-cases.md): a burst of logins is answered by the rate limits
// before any password is hashed, so it cannot exhaust memory or stall the event loop.
// A load test: Vitest project `alone` (runs last, one file at a time).

const CONCURRENT = 100;
const PASSWORD = 'login-load-password-1';
const JSON_POST = { 'content-type': 'application/json', 'x-aegira-csrf': '1' };

let server: TestServer;
beforeAll(async () => {
  // The production limits (DEFAULT_LOGIN_LIMITS): 30 attempts per address per 15 minutes.
  server = await startTestServer({ withWeb: false });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe('LD-4: 100 concurrent logins', () => {
  it('LD-4: answers the excess with 429 before hashing, with bounded memory and event-loop delay', async () => {
    const email = `load-${randomUUID().slice(0, 8)}@example.test`;
    const signUp = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: JSON_POST,
      body: JSON.stringify({
        company: { name: `Login Load ${randomUUID().slice(0, 6)}`, timezone: 'UTC' },
        admin: { firstName: 'L', lastName: 'D', email, password: PASSWORD },
      }),
    });
    expect(signUp.status).toBe(200);
    const { result } = (await signUp.json()) as {
      result: { data: { user: { company: { slug: string } } } };
    };
    const login = JSON.stringify({
      company: result.data.user.company.slug,
      email,
      password: PASSWORD,
    });

    const loop = monitorEventLoopDelay({ resolution: 10 });
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 20);
    const hashesBefore = passwordVerifications();
    loop.enable();
    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        const response = await fetch(`${server.url}/trpc/auth.login`, {
          method: 'POST',
          headers: JSON_POST,
          body: login,
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    const elapsedMs = performance.now() - started;
    loop.disable();
    clearInterval(sampler);
    const hashes = passwordVerifications() - hashesBefore;
    const p99Ms = loop.percentile(99) / 1e6;
    const growthMb = (rssPeak - rssBefore) / 1024 / 1024;
    const count = (status: number) => statuses.filter((value) => value === status).length;
    console.log(
      `LD-4: ${CONCURRENT} concurrent logins in ${elapsedMs.toFixed(0)} ms: ${count(200)} × 200, ` +
        `${count(429)} × 429, ${hashes} argon2 verifications; event-loop delay p99 ${p99Ms.toFixed(1)} ms ` +
        `(max ${(loop.max / 1e6).toFixed(1)} ms); RSS +${growthMb.toFixed(1)} MB at peak`,
    );

    const allowed = DEFAULT_LOGIN_LIMITS.perAddress;
    // Exactly the address's allowance reached the hasher; everyone else was refused before it.
    expect(count(200)).toBe(allowed);
    expect(count(429)).toBe(CONCURRENT - allowed);
    expect(hashes).toBe(allowed);
    // Bounds generous for two shared cores: argon2 takes 19 MiB per hash in flight (the
    // libuv pool runs four at a time), so the peak stays far below one allocation per request.
    expect(growthMb).toBeLessThan(400);
    expect(p99Ms).toBeLessThan(1000);
  }, 120_000);
});
