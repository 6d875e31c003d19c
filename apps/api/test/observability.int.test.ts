import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/http/logger.ts';
import { liveSubscriptions } from '../src/http/metrics.ts';
import { createTestApi, type TestApi } from '../test-support/api-harness.ts';
import { companyFixture } from '../test-support/fixtures.ts';

// The operator's view of one instance: its request log (pino-http), /metrics (prom-client,
// behind a token), and helmet's headers. The app is built with a logger that writes to a
// stream the test reads.

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
let api: TestApi;
let server: Server;
let url: string;
let logText = '';
let token: string;
let companyId: string;
let adminId: string;

beforeAll(async () => {
  api = await createTestApi();
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    logText += chunk.toString('utf8');
  });
  const deps = { ...api.deps, logger: createLogger('info', { destination: stream }) };
  const app = createApp({ deps, allowedOrigins: [], metricsToken: METRICS_TOKEN });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const company = await companyFixture(api);
  companyId = company.companyId;
  adminId = company.adminId;
  ({ token } = await company.admin.api.apiTokens.create({ name: 'Ops test', scope: 'ADMIN' }));
}, 30_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await api?.close();
});

function logLines(): Record<string, unknown>[] {
  return logText
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function createHoliday(date: string): Promise<Response> {
  return fetch(`${url}/trpc/holidays.create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ date, name: `Ops ${date}` }),
  });
}

async function scrape(): Promise<string> {
  const response = await fetch(`${url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

function sample(metrics: string, name: string, labels: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('request log', () => {
  it('writes one line per request with request id, route, status, duration and actor ids, never the token', async () => {
    const response = await createHoliday('2033-01-02');
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = logLines().find(
      (entry) => (entry.req as { id?: string } | undefined)?.id === requestId,
    );
    expect(line).toMatchObject({
      level: 'info',
      message: 'request completed',
      route: 'trpc:holidays.create',
      res: { statusCode: 200 },
      personId: adminId,
      companyId,
    });
    expect(line?.tokenId).toEqual(expect.any(String));
    expect(line?.responseTime).toEqual(expect.any(Number));
    expect(logText).not.toContain(token);
    // The secret is everything after the id (it may itself contain '_').
    expect(logText).not.toContain(/^aegira_[0-9a-f]{32}_(.+)$/.exec(token)?.[1] ?? token);
  });

  it('logs a refused request as a warning without its credentials', async () => {
    const response = await fetch(`${url}/trpc/company.get`, {
      headers: {
        authorization: 'Bearer aegira_nope',
        cookie: '__Host-aegira_session=secret-cookie',
      },
    });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = logLines().find(
      (entry) =>
        (entry.req as { id?: string } | undefined)?.id === response.headers.get('x-request-id'),
    );
    expect(line).toMatchObject({ level: 'warn', route: 'trpc:company.get' });
    expect(logText).not.toContain('secret-cookie');
    expect(logText).not.toContain('aegira_nope');
  });
});

describe('/metrics', () => {
  it('refuses a scrape without the metrics token', async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong' } });
    expect(wrong.status).toBe(401);
  });

  it('counts procedure latency and appended events per type, and exposes database gauges', async () => {
    const before = await scrape();
    const created = await createHoliday('2033-02-03');
    expect(created.status).toBe(200);
    const after = await scrape();
    const events = 'aegira_events_appended_total';
    expect(sample(after, events, 'type="HOLIDAY_CREATED"')).toBe(
      sample(before, events, 'type="HOLIDAY_CREATED"') + 1,
    );
    const count = 'aegira_procedure_duration_seconds_count';
    const labels = 'procedure="holidays.create",type="mutation",outcome="ok"';
    expect(sample(after, count, labels)).toBe(sample(before, count, labels) + 1);
    expect(after).toMatch(/^aegira_db_connections\{state="active"\} [1-9]/m);
    expect(after).toContain('# TYPE aegira_job_queue_lag_seconds gauge');
    expect(after).toContain('# TYPE aegira_job_runs_total counter');
    expect(after).toContain('aegira_process_resident_memory_bytes');
  });

  it('counts a refused call under its error code', async () => {
    const before = await scrape();
    await fetch(`${url}/trpc/company.get`);
    const labels = 'procedure="company.get",type="query",outcome="UNAUTHORIZED"';
    const count = 'aegira_procedure_duration_seconds_count';
    expect(sample(await scrape(), count, labels)).toBe(sample(before, count, labels) + 1);
  });

  it('reports live subscriptions as the live-updates code opens and closes them', async () => {
    const level = (text: string) =>
      Number(
        text
          .split('\n')
          .find((line) => line.startsWith('aegira_live_subscriptions '))
          ?.split(' ')[1] ?? 'NaN',
      );
    const before = level(await scrape());
    liveSubscriptions.inc();
    liveSubscriptions.inc();
    expect(level(await scrape())).toBe(before + 2);
    liveSubscriptions.dec();
    liveSubscriptions.dec();
    expect(level(await scrape())).toBe(before);
  });

  it('does not exist when no metrics token is configured', async () => {
    const app = createApp({ deps: api.deps, allowedOrigins: [] });
    const bare = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const port = (bare.address() as AddressInfo).port;
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => bare.close(resolve));
    }
  });
});

describe('security headers (helmet)', () => {
  it('sends a strict Content-Security-Policy and helmet defaults, without HSTS on plain http', async () => {
    const response = await fetch(`${url}/health`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
