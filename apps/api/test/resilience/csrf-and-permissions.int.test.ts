import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../src/http/csrf.ts';
import { createTestApi, type TestApi } from '../../test-support/api-harness.ts';
import { type CapturedLogs, captureLogs } from '../../test-support/capture-logs.ts';
import { type CompanyFixture, companyFixture, personFixture } from '../../test-support/fixtures.ts';
import { type ServedApp, serveApp, sessionCookieOf } from '../../test-support/serve-app.ts';

let api: TestApi;
let logs: CapturedLogs;
let served: ServedApp;
let owner: pg.Client;
let company: CompanyFixture;

beforeAll(async () => {
  logs = captureLogs();
  api = await createTestApi({ logger: logs.logger });
  owner = new pg.Client({ connectionString: api.ownerUrl });
  owner.on('error', () => undefined);
  await owner.connect();
  company = await companyFixture(api);
  served = await serveApp(api);
});
afterAll(async () => {
  await served?.close();
  await owner?.end();
  await api?.close();
});
beforeEach(() => logs.clear());

async function countEvents(where = 'true', params: unknown[] = []): Promise<number> {
  const result = await owner.query<{ n: string }>(
    `SELECT count(*) AS n FROM events WHERE ${where}`,
    params,
  );
  return Number(result.rows[0]?.n);
}

describe('AU-5: cross-site requests to a no-input mutation', () => {
  let cookie: string;
  let personId: string;
  const logouts = () =>
    countEvents(`type = 'PERSON_SESSIONS_REVOKED' AND entity_id = $1`, [personId]);
  const logout = (headers: Record<string, string>, body?: RequestInit['body']) =>
    fetch(`${served.url}/trpc/auth.logout`, {
      method: 'POST',
      headers: { cookie, ...headers },
      ...(body === undefined ? {} : { body }),
    });

  beforeAll(async () => {
    const worker = await personFixture(api, company, 'WORKER');
    cookie = sessionCookieOf(worker.client);
    personId = worker.id;
  });

  it.each([
    ['multipart/form-data, with the custom header', { [CSRF_HEADER]: '1' }, 'form', 415],
    [
      'text/plain, with the custom header',
      { [CSRF_HEADER]: '1', 'content-type': 'text/plain' },
      '{}',
      415,
    ],
    [
      'urlencoded, with the custom header',
      { [CSRF_HEADER]: '1', 'content-type': 'application/x-www-form-urlencoded' },
      'a=1',
      415,
    ],
    [
      'text/plain without the custom header (a plain cross-site form)',
      { 'content-type': 'text/plain' },
      '{}',
      403,
    ],
    [
      'Sec-Fetch-Site: cross-site',
      { [CSRF_HEADER]: '1', 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      undefined,
      403,
    ],
    [
      'a foreign Origin',
      { [CSRF_HEADER]: '1', 'content-type': 'application/json', origin: 'https://evil.example' },
      undefined,
      403,
    ],
    ['no custom header', { 'content-type': 'application/json' }, undefined, 403],
  ] as const)('AU-5: %s is refused and writes nothing', async (_label, headers, body, status) => {
    const before = await logouts();
    const form = new FormData();
    form.append('x', '1');
    const response = await logout({ ...headers }, body === 'form' ? form : body);
    expect(response.status).toBe(status);
    expect(await logouts()).toBe(before);
    if (status === 403) {
      // Logged as a CSRF refusal with the request id, the person whose cookie rode along and the procedure.
      const [line] = logs.security('csrf_refused');
      expect(line).toMatchObject({
        requestId: response.headers.get('x-request-id'),
        actorId: personId,
        companyId: company.companyId,
        procedure: 'auth.logout',
      });
      expect(JSON.stringify(line)).not.toContain(cookie.split('=')[1] ?? 'never');
    }
  });

  it('AU-5: the same request from the app origin with the custom header succeeds', async () => {
    const before = await logouts();
    const response = await logout({
      [CSRF_HEADER]: '1',
      'content-type': 'application/json',
      origin: served.url,
      'sec-fetch-site': 'same-origin',
    });
    expect(response.status).toBe(200);
    expect(await logouts()).toBe(before + 1);
    expect(logs.security('csrf_refused')).toEqual([]);
  });
});

describe('AU-10: a non-admin calling admin-only procedures', () => {
  it('AU-10: FORBIDDEN, nothing written, and a security log line with actor and procedure', async () => {
    const worker = await personFixture(api, company, 'WORKER');
    const before = await countEvents('company_id = $1', [company.companyId]);
    const response = await fetch(`${served.url}/trpc/holidays.create`, {
      method: 'POST',
      headers: {
        cookie: sessionCookieOf(worker.client),
        'content-type': 'application/json',
        [CSRF_HEADER]: '1',
      },
      body: JSON.stringify({ date: '2026-12-31', name: 'Not allowed' }),
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { data: { code: string } } };
    expect(body.error.data.code).toBe('FORBIDDEN');
    expect(await countEvents('company_id = $1', [company.companyId])).toBe(before);

    const lines = logs.security('permission_refused');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      requestId: response.headers.get('x-request-id'),
      actorId: worker.id,
      companyId: company.companyId,
      role: 'WORKER',
      procedure: 'holidays.create',
    });
    // The input is not logged.
    expect(JSON.stringify(lines[0])).not.toContain('Not allowed');
  });

  it("AU-10: a refusal from the services' access policy is logged too", async () => {
    const worker = await personFixture(api, company, 'WORKER');
    const response = await fetch(
      `${served.url}/trpc/people.list?input=${encodeURIComponent('{}')}`,
      {
        headers: { cookie: sessionCookieOf(worker.client) },
      },
    );
    expect(response.status).toBe(403);
    expect(logs.security('permission_refused')).toEqual([
      expect.objectContaining({
        actorId: worker.id,
        procedure: 'people.list',
        reason: 'FORBIDDEN',
      }),
    ]);
  });

  it('AU-10: a refused CSV download is logged the same way', async () => {
    const worker = await personFixture(api, company, 'WORKER');
    const response = await fetch(`${served.url}/api/audit-log.csv`, {
      headers: { cookie: sessionCookieOf(worker.client) },
    });
    expect(response.status).toBe(403);
    expect(logs.security('permission_refused')).toEqual([
      expect.objectContaining({
        requestId: response.headers.get('x-request-id'),
        actorId: worker.id,
        procedure: '/api/audit-log.csv',
      }),
    ]);
  });

  it('AU-10: a refused subject-access download is logged the same way', async () => {
    const lead = await personFixture(api, company, 'TEAM_LEAD');
    const response = await fetch(`${served.url}/api/people/${company.adminId}/subject-access`, {
      headers: { cookie: sessionCookieOf(lead.client) },
    });
    expect(response.status).toBe(403);
    expect(logs.security('permission_refused')).toEqual([
      expect.objectContaining({
        requestId: response.headers.get('x-request-id'),
        actorId: lead.id,
        procedure: '/api/people/:id/subject-access',
      }),
    ]);
  });

  it('AU-10: an allowed call logs no refusal', async () => {
    const response = await fetch(`${served.url}/trpc/holidays.create`, {
      method: 'POST',
      headers: {
        cookie: sessionCookieOf(company.admin),
        'content-type': 'application/json',
        [CSRF_HEADER]: '1',
      },
      body: JSON.stringify({ date: '2026-12-30', name: 'Allowed' }),
    });
    expect(response.status).toBe(200);
    expect(logs.security('permission_refused')).toEqual([]);
  });
});
