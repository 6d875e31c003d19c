import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { env } from '@aegira/config';
import autocannon from 'autocannon';
import { SESSION_COOKIE } from '../src/auth/session-cookie.ts';
import { signSessionToken } from '../src/auth/session-token.ts';
import { CSRF_HEADER } from '../src/http/csrf.ts';
import { TEST_JWT_SECRET } from './api-harness.ts';

// Load cases (issue 11, LD-*): autocannon against the real HTTP server. Each connection acts as
// its own person, with a session minted by the product's own signer (never a login, so the
// login limits stay as they are).

export function sessionCookie(personId: string, companyId: string): string {
  const token = signSessionToken(TEST_JWT_SECRET, { personId, companyId, tokenVersion: 0 });
  return `${SESSION_COOKIE}=${token}`;
}

export function queryPath(procedure: string, input: unknown): string {
  return `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

/** The headers the web app sends with a mutation (CSRF header, same origin). */
export function mutationHeaders(baseUrl: string, cookie: string): Record<string, string> {
  return {
    cookie,
    origin: baseUrl,
    [CSRF_HEADER]: '1',
    'content-type': 'application/json',
  };
}

/** The milliseconds one request takes, alone, median of `count` sequential ones (after a warm-up). */
export async function medianLatency(baseUrl: string, pathOf: string, cookie: string, count = 40) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = http.get(new URL(pathOf, baseUrl), { agent, headers: { cookie } }, (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`${pathOf} answered ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
    });
  try {
    for (let i = 0; i < 5; i += 1) await once();
    const samples: number[] = [];
    for (let i = 0; i < count; i += 1) samples.push(await once());
    samples.sort((x, y) => x - y);
    return samples[Math.floor(samples.length / 2)] ?? 0;
  } finally {
    agent.destroy();
  }
}

export interface CannonSummary {
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  perSecond: number;
}

export function runCannon(options: autocannon.Options): Promise<CannonSummary> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => {
      if (error) {
        reject(error);
        return;
      }
      resolve({
        requests: result.requests.total,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        perSecond: result.requests.average,
      });
    });
  });
}

/** Appends a case's numbers to a JSON-lines file under the OS temp dir, and prints them. */
export async function recordResult(caseId: string, numbers: Record<string, unknown>) {
  const dir = path.join(os.tmpdir(), 'aegira-load');
  await fs.mkdir(dir, { recursive: true });
  const line = { case: caseId, at: new Date().toISOString(), load: os.loadavg(), ...numbers };
  const file = path.join(dir, 'results.jsonl');
  await fs.appendFile(file, `${JSON.stringify(line)}\n`);
  console.info(`${caseId} → ${file}\n${JSON.stringify(line)}`);
  return file;
}

/** Seconds of each load phase: AEGIRA_LOAD_SECONDS shortens them for a quick look. */
export function seconds(standard: number): number {
  const override = env().AEGIRA_LOAD_SECONDS;
  return override === undefined ? standard : Math.min(override, standard);
}

/** Per-connection state kept outside autocannon's context (which it resets every cycle). */
export interface WriterState {
  personId?: string;
  checkInId?: string;
  amends: number;
  /** The request to repeat after a 503 with Retry-After, and how often it was repeated. */
  retry?: { method: string; path: string; body?: string; attempts: number; kind: string };
}

/** Reads the tRPC success payload ({ result: { data } }) of a response body. */
export function trpcData(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || !('result' in parsed)) return undefined;
    const result = (parsed as { result: unknown }).result;
    if (typeof result !== 'object' || result === null || !('data' in result)) return undefined;
    const data = (result as { data: unknown }).data;
    return typeof data === 'object' && data !== null
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
