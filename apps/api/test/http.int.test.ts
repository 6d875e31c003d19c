import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ withWeb: false });
});
afterAll(async () => {
  await server?.stop();
});

const CSRF = { 'x-aegira-csrf': '1' };

function signUpBody(email: string) {
  return JSON.stringify({
    company: { name: `Http Co ${email}`, timezone: 'Europe/Paris' },
    admin: { firstName: 'Hugo', lastName: 'Http', email, password: 'http-long-password' },
  });
}

function uniqueEmail() {
  return `http-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

async function countCompanies(): Promise<number> {
  const client = new pg.Client({ connectionString: server.ownerUrl });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>('SELECT count(*) AS n FROM companies');
    return Number(result.rows[0]?.n);
  } finally {
    await client.end();
  }
}

function post(path: string, body: string, headers: Record<string, string> = CSRF) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('HTTP server', () => {
  it('answers /health (liveness) and /ready after checking the database', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: 'ok',
      migrations: 'applied',
      jobs: 'off',
    });
  });

  it('sets the session as an httpOnly, SameSite cookie and never returns the token in the body', async () => {
    const response = await post('/trpc/auth.signUp', signUpBody(uniqueEmail()));
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-aegira_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    const token = cookie.split(';')[0]?.split('=')[1] ?? '';
    const body = await response.text();
    expect(body).not.toContain(token);

    const me = await fetch(`${server.url}/trpc/auth.me`, {
      headers: { cookie: `__Host-aegira_session=${token}` },
    });
    const meBody = (await me.json()) as { result: { data: { user: { role: string } | null } } };
    expect(meBody.result.data.user?.role).toBe('ADMIN');
  });

  it.each([
    ['no CSRF header', { 'content-type': 'application/json' }],
    ['a cross-site Origin', { ...CSRF, origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { ...CSRF, 'sec-fetch-site': 'cross-site' }],
  ])('refuses a mutation with %s and writes nothing', async (_label, headers) => {
    const before = await countCompanies();
    const response = await post('/trpc/auth.signUp', signUpBody(uniqueEmail()), headers);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/Cross-site request refused/);
    expect(await countCompanies()).toBe(before);
  });

  it('accepts a same-origin mutation that names its own origin', async () => {
    const response = await post('/trpc/auth.signUp', signUpBody(uniqueEmail()), {
      ...CSRF,
      origin: server.url,
      'sec-fetch-site': 'same-origin',
    });
    expect(response.status).toBe(200);
  });

  it('refuses an oversize body with 413 and writes nothing', async () => {
    const before = await countCompanies();
    const huge = JSON.stringify({
      company: { name: 'x'.repeat(200_000), timezone: 'UTC' },
      admin: {
        firstName: 'a',
        lastName: 'b',
        email: uniqueEmail(),
        password: 'long-enough-password',
      },
    });
    const response = await post('/trpc/auth.signUp', huge);
    expect(response.status).toBe(413);
    expect(await countCompanies()).toBe(before);
  });

  it('refuses a batch larger than the limit', async () => {
    const paths = Array.from({ length: 11 }, () => 'auth.me').join(',');
    const input = encodeURIComponent(JSON.stringify({}));
    const response = await fetch(`${server.url}/trpc/${paths}?batch=1&input=${input}`);
    expect(response.status).toBe(400);
  });

  it('names an unknown field in a clear error', async () => {
    const response = await post(
      '/trpc/auth.login',
      JSON.stringify({ company: 'acme', email: 'a@b.test', password: 'x', companyId: 'nope' }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { message: string; data: { fieldErrors: Record<string, string[]> } };
    };
    expect(body.error.message).toMatch(/companyId: unknown field "companyId" is not allowed/);
    expect(body.error.data.fieldErrors.companyId).toBeDefined();
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts/);
  });
});

describe('unexpected failures', () => {
  let broken: TestServer;
  beforeAll(async () => {
    // A server whose database connection cannot work: every query fails.
    broken = await startTestServer({
      withWeb: false,
      databaseUrl: 'postgresql://nobody:wrong@127.0.0.1:1/nowhere',
    });
  });
  afterAll(async () => {
    await broken?.stop();
  });

  it('reach the client as a generic message with a request id, without SQL or stack', async () => {
    const response = await fetch(`${broken.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF },
      body: JSON.stringify({
        company: 'acme',
        email: 'someone@example.test',
        password: 'whatever-password',
      }),
    });
    // An unreachable database is a transient failure (decision 034): 503, retry shortly.
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    const requestId = response.headers.get('x-request-id');
    const text = await response.text();
    expect(text).toContain(`"requestId":"${requestId}"`);
    expect(text).toContain('DATABASE_UNAVAILABLE');
    expect(text).not.toMatch(/SELECT|app_find_login|ECONNREFUSED|stack|node_modules/i);
  });

  it('report the database as unavailable on /ready, while /health (liveness) still answers', async () => {
    const response = await fetch(`${broken.url}/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' });
    expect((await fetch(`${broken.url}/health`)).status).toBe(200);
  });
});

describe('API tokens over HTTP', () => {
  it('authenticate by the Authorization header alone (no cookie, no CSRF header), and ignore any cookie', async () => {
    const signUp = await post('/trpc/auth.signUp', signUpBody(uniqueEmail()));
    const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const created = await post(
      '/trpc/apiTokens.create',
      JSON.stringify({ name: 'HTTP client', scope: 'ADMIN' }),
      {
        ...CSRF,
        cookie,
      },
    );
    expect(created.status).toBe(200);
    const { result } = (await created.json()) as { result: { data: { token: string } } };
    const bearer = { authorization: `Bearer ${result.data.token}` };

    const holiday = await post(
      '/trpc/holidays.create',
      JSON.stringify({ date: '2031-03-03', name: 'Token Day', recurring: false }),
      bearer,
    );
    expect(holiday.status).toBe(200);
    expect(holiday.headers.get('set-cookie')).toBeNull();

    // A session-only procedure with a valid cookie AND a token: the token decides.
    const logout = await post('/trpc/auth.logout', '{}', { ...bearer, cookie, ...CSRF });
    expect(logout.status).toBe(403);

    const bad = await fetch(`${server.url}/trpc/company.get`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(bad.status).toBe(401);
  });
});
