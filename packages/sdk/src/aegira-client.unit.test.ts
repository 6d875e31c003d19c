import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAegiraClient } from './aegira-client.ts';
import { AegiraError } from './aegira-error.ts';

const TOKEN = `aegira_${'0'.repeat(32)}_${'A'.repeat(43)}`;

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A local stand-in for the API: `answer` gets each request's number (from 1); undefined never answers. */
async function stubServer(answer: (request: number, res: ServerResponse) => boolean) {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    // false: leave the request hanging, as a stuck server would.
    answer(seen.length, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  stops.push(stop);
  return { url: `http://127.0.0.1:${port}`, seen };
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

function json(res: ServerResponse, status: number, body: unknown): boolean {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
  return true;
}

const company = { id: 'c', name: 'Acme', slug: 'acme', timezone: 'Asia/Tokyo' };
const unavailable = {
  error: {
    code: -32603,
    message: 'Down for maintenance',
    data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 },
  },
};

async function failureOf(call: Promise<unknown>): Promise<AegiraError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AegiraError)) throw new Error(`expected an AegiraError, got ${error}`);
  return error;
}

describe('createAegiraClient', () => {
  it('sends the token as a bearer header to /trpc, and no cookie', async () => {
    const api = await stubServer((_, res) => json(res, 200, [{ result: { data: company } }]));
    const client = createAegiraClient({ baseUrl: `${api.url}/`, token: TOKEN });
    await expect(client.company.get.query()).resolves.toEqual(company);
    expect(api.seen).toHaveLength(1);
    expect(api.seen[0]?.url).toMatch(/^\/trpc\/company\.get\?batch=1/);
    expect(api.seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(api.seen[0]?.headers.cookie).toBeUndefined();
  });

  it('gives up on a server that never answers with a TIMEOUT error', async () => {
    const api = await stubServer(() => false);
    const client = createAegiraClient({
      baseUrl: api.url,
      token: TOKEN,
      timeoutMs: 100,
      retries: 0,
    });
    const started = Date.now();
    const error = await failureOf(client.company.get.query());
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ code: 'TIMEOUT', httpStatus: undefined });
    expect(error.message).toBe(`No response from ${api.url}/trpc/company.get within 100 ms.`);
    expect(api.seen).toHaveLength(1);
  });

  it('retries a timed-out query, and a timed-out mutation with the same Idempotency-Key', async () => {
    const api = await stubServer(() => false);
    const client = createAegiraClient({
      baseUrl: api.url,
      token: TOKEN,
      timeoutMs: 100,
      retries: 2,
    });
    expect((await failureOf(client.company.get.query())).code).toBe('TIMEOUT');
    expect(api.seen.map((request) => request.method)).toEqual(['GET', 'GET', 'GET']);

    const mutation = client.holidays.create.mutate({ date: '2030-01-01', name: 'Launch' });
    expect((await failureOf(mutation)).code).toBe('TIMEOUT');
    const posts = api.seen.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(3);
    const keys = posts.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('recovers a query and a mutation from a flaky server; each mutation call has its own key', async () => {
    const holiday = { id: 'h', date: '2030-01-01', name: 'X', recurring: false };
    const api = await stubServer((request, res) => {
      if (request <= 2) return json(res, 503, [unavailable]);
      if (request === 3) return json(res, 200, [{ result: { data: company } }]);
      if (request === 4) return json(res, 503, unavailable);
      return json(res, 200, { result: { data: holiday } });
    });
    const client = createAegiraClient({ baseUrl: api.url, token: TOKEN });
    await expect(client.company.get.query()).resolves.toEqual(company);
    expect(api.seen).toHaveLength(3);

    await expect(client.holidays.create.mutate({ date: '2030-01-01', name: 'X' })).resolves.toEqual(
      holiday,
    );
    await expect(client.holidays.create.mutate({ date: '2030-01-02', name: 'Y' })).resolves.toEqual(
      holiday,
    );
    const keys = api.seen.slice(3).map((request) => request.headers['idempotency-key']);
    expect(api.seen.slice(3).map((request) => request.url)).toEqual([
      '/trpc/holidays.create',
      '/trpc/holidays.create',
      '/trpc/holidays.create',
    ]);
    // The retry reused the first call's key; the second call has a new one.
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("waits for the server's Retry-After before retrying a mutation", async () => {
    const api = await stubServer((request, res) => {
      if (request === 1) {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(JSON.stringify(unavailable));
        return true;
      }
      return json(res, 200, { result: { data: null } });
    });
    const client = createAegiraClient({ baseUrl: api.url, token: TOKEN });
    const started = Date.now();
    await client.holidays.create.mutate({ date: '2030-01-01', name: 'X' });
    expect(api.seen).toHaveLength(2);
    // The backoff alone would be 250 ms; Retry-After asked for a second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('does not retry a 4xx', async () => {
    const api = await stubServer((_, res) =>
      json(res, 401, [
        {
          error: {
            code: -32001,
            message: 'The API token is invalid, expired or revoked.',
            data: { code: 'UNAUTHORIZED', httpStatus: 401, appCode: 'INVALID_API_TOKEN' },
          },
        },
      ]),
    );
    const client = createAegiraClient({ baseUrl: api.url, token: TOKEN });
    const error = await failureOf(client.company.get.query());
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', appCode: 'INVALID_API_TOKEN' });
    expect(api.seen).toHaveLength(1);
  });

  it('maps a proxy’s HTML error page by its status, retrying it for a query', async () => {
    const api = await stubServer((_, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad gateway</body></html>');
      return true;
    });
    const client = createAegiraClient({ baseUrl: api.url, token: TOKEN, retries: 1 });
    expect(await failureOf(client.company.get.query())).toMatchObject({
      code: 'BAD_GATEWAY',
      httpStatus: 502,
    });
    expect(api.seen).toHaveLength(2);
  });

  it('reports a refused connection as NETWORK, and a caller’s abort as ABORTED', async () => {
    const api = await stubServer(() => false);
    const closed = createAegiraClient({ baseUrl: 'http://127.0.0.1:1', token: TOKEN, retries: 0 });
    const network = await failureOf(closed.company.get.query());
    expect(network.code).toBe('NETWORK');
    expect(network.message).toMatch(/^Could not reach http:\/\/127\.0\.0\.1:1\/trpc\/company\.get/);

    const client = createAegiraClient({ baseUrl: api.url, token: TOKEN });
    const controller = new AbortController();
    const call = client.company.get.query(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failureOf(call)).code).toBe('ABORTED');
    expect(api.seen).toHaveLength(1);
  });

  it('refuses options it cannot work with', () => {
    expect(() => createAegiraClient({ baseUrl: 'not a url', token: TOKEN })).toThrow(TypeError);
    expect(() => createAegiraClient({ baseUrl: 'http://x', token: '' })).toThrow(/token/);
    expect(() => createAegiraClient({ baseUrl: 'http://x', token: TOKEN, timeoutMs: 0 })).toThrow(
      /timeoutMs/,
    );
    expect(() => createAegiraClient({ baseUrl: 'http://x', token: TOKEN, retries: 1.5 })).toThrow(
      /retries/,
    );
  });
});
