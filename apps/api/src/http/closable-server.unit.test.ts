import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClosableServer, createClosableServer } from './closable-server.ts';

interface Answer {
  status: number;
  connection: string | undefined;
  retryAfter: string | undefined;
  body: string;
}

let server: ClosableServer | undefined;
const agents: http.Agent[] = [];

afterEach(async () => {
  for (const agent of agents.splice(0)) agent.destroy();
  server?.server.closeAllConnections();
  await server?.close();
  server = undefined;
});

/** Serves `/slow` after `slowMs`, `/hang` never, anything else at once. */
async function start(options: Parameters<typeof createClosableServer>[1] = {}, slowMs = 400) {
  server = createClosableServer((req, res) => {
    if (req.url === '/hang') return;
    if (req.url === '/slow') setTimeout(() => res.end('slow'), slowMs);
    else res.end('fast');
  }, options);
  await server.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
}

function keepAliveAgent(): http.Agent {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  return agent;
}

function get(url: string, agent?: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, agent ? { agent } : {}, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          connection: response.headers.connection,
          retryAfter: response.headers['retry-after'],
          body,
        }),
      );
    });
    request.on('error', reject);
  });
}

describe('closable HTTP server', () => {
  it('finishes an in-flight request with Connection: close, and refuses new connections once closing', async () => {
    const base = await start();
    const agent = keepAliveAgent();
    // A keep-alive connection that first proves it is reused.
    expect((await get(`${base}/`, agent)).connection).toBe('keep-alive');
    const inFlight = get(`${base}/slow`, agent);
    await sleep(100);
    const closed = server?.close();
    const answer = await inFlight;
    expect(answer).toMatchObject({ status: 200, body: 'slow', connection: 'close' });
    await closed;
    await expect(get(`${base}/`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('closes idle keep-alive connections at once', async () => {
    const base = await start();
    const agent = keepAliveAgent();
    await get(`${base}/`, agent);
    const started = performance.now();
    await server?.close();
    // Nothing was in flight: no waiting for the keep-alive timeout (5 s).
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('answers a refused request with a generic 503 and Retry-After', async () => {
    const base = await start({ refuse: (req) => req.url !== '/ready' });
    const refused = await get(`${base}/anything`);
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe('1');
    expect(JSON.parse(refused.body)).toEqual({
      error: {
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is not available yet; retry shortly.',
      },
    });
    expect((await get(`${base}/ready`)).status).toBe(200);
  });

  it('cuts a request that does not finish in time', async () => {
    const base = await start({ cutSocketsAfterMs: 300 });
    const hanging = get(`${base}/hang`);
    await sleep(100);
    const started = performance.now();
    await server?.close();
    expect(performance.now() - started).toBeLessThan(3_000);
    await expect(hanging).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
