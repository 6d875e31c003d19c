import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { childProcessEnv } from '@aegira/config';
import { TEST_JWT_SECRET } from './api-harness.ts';

// The real server process (`src/main.ts` under tsx, as `pnpm dev` runs it), for the cases
// that concern the process itself: signals, its database going away, its data folder.

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CSRF = { 'x-aegira-csrf': '1', 'content-type': 'application/json' };

export interface SpawnedApi {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Waits until its output matches `pattern`; fails with the output after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM, and SIGKILL if still running after 15 s. */
  stop(): Promise<void>;
}

/** Spawn `src/main.ts` with `env` on top of the test defaults (port 0, no demo, quiet logs). */
export function spawnApi(env: Record<string, string>): SpawnedApi {
  const childEnv = childProcessEnv({
    set: {
      PORT: '0',
      NODE_ENV: 'test',
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'warn',
      AEGIRA_DEMO: 'off',
      AEGIRA_JOBS: 'off',
      ...env,
    },
  });
  // Without DATABASE_URL the server starts its embedded PostgreSQL, whatever the runner has.
  if (env.DATABASE_URL === undefined) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() }));
    },
  );
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  return {
    child,
    output: () => text,
    exited,
    waitFor: async (pattern, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = text.match(pattern);
        if (match) return match;
        if (hasExited || Date.now() > deadline) {
          throw new Error(
            `${hasExited ? 'exited' : `timed out after ${timeoutMs} ms`} waiting for ${pattern}; output:\n${text.slice(-4000)}`,
          );
        }
        await sleep(50);
      }
    },
    stop: async () => {
      if (hasExited) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** The base URL the server printed once it runs (`AEGIRA is running at …`). */
export async function runningUrl(api: SpawnedApi, timeoutMs = 90_000): Promise<string> {
  const match = await api.waitFor(/AEGIRA is running at (http:\/\/\S+)/, timeoutMs);
  return (match[1] ?? '').replace('localhost', '127.0.0.1');
}

/** Signs up a new company over HTTP; returns its admin's cookies. */
export async function signUpOverHttp(baseUrl: string): Promise<string> {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const response = await fetch(`${baseUrl}/trpc/auth.signUp`, {
    method: 'POST',
    headers: CSRF,
    body: JSON.stringify({
      company: { name: `Lifecycle ${unique}`, timezone: 'Europe/Berlin' },
      admin: {
        firstName: 'Lia',
        lastName: 'Lifecycle',
        email: `lifecycle-${unique}@example.test`,
        password: 'lifecycle-password-1',
      },
    }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${body}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

export interface WriteAttempt {
  /** performance.now() when the request was sent. */
  sentAt: number;
  /** performance.now() when its answer (or failure) came. */
  doneAt: number;
  /** The HTTP status, or 0 when no response came (refused, reset). */
  status: number;
  /** The created holiday's id on a 2xx. */
  id?: string;
  /** The start of the answer's body otherwise (to tell failures apart). */
  body?: string;
}

/**
 * `lanes` writers, each on its own keep-alive connection, creating holidays (one write path
 * command each) one after another until stop() is called: every attempt is recorded, with
 * the id the server acknowledged.
 */
/** Days already used by earlier writers of this file: a holiday's date is unique per company. */
let daysUsed = 0;

export class HolidayWriters {
  readonly attempts: WriteAttempt[] = [];
  private running = true;
  private readonly agent: http.Agent;
  private readonly done: Promise<void>;

  constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    lanes: number,
    /** Pause between one lane's requests (0: back to back). */
    private readonly pauseMs = 0,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: lanes });
    this.done = Promise.all(Array.from({ length: lanes }, () => this.lane())).then(() => undefined);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
    this.agent.destroy();
  }

  acknowledged(): string[] {
    return this.attempts.flatMap((attempt) => (attempt.id ? [attempt.id] : []));
  }

  private async lane(): Promise<void> {
    while (this.running) {
      daysUsed += 1;
      const day = new Date(Date.UTC(2040, 0, 1) + daysUsed * 86_400_000);
      const attempt = await this.post({
        date: day.toISOString().slice(0, 10),
        name: `Lifecycle ${daysUsed}`,
      });
      this.attempts.push(attempt);
      // A refused connection comes back at once: do not spin on it.
      if (attempt.status === 0 || this.pauseMs > 0) await sleep(Math.max(this.pauseMs, 20));
    }
  }

  private post(input: unknown): Promise<WriteAttempt> {
    const sentAt = performance.now();
    const body = JSON.stringify(input);
    return new Promise((resolve) => {
      const request = http.request(
        `${this.baseUrl}/trpc/holidays.create`,
        {
          method: 'POST',
          agent: this.agent,
          headers: { ...CSRF, cookie: this.cookie, 'content-length': Buffer.byteLength(body) },
          timeout: 20_000,
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
          });
          response.on('error', () => resolve({ sentAt, doneAt: performance.now(), status: 0 }));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            resolve({
              sentAt,
              doneAt: performance.now(),
              status,
              ...(status === 200 ? { id: createdId(text) } : { body: text.slice(0, 300) }),
            });
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', () => resolve({ sentAt, doneAt: performance.now(), status: 0 }));
      request.end(body);
    });
  }
}

function createdId(body: string): string {
  const parsed = JSON.parse(body) as { result?: { data?: { id?: unknown } } };
  const id = parsed.result?.data?.id;
  if (typeof id !== 'string') throw new Error(`no id in a 200 answer: ${body.slice(0, 200)}`);
  return id;
}

/** GET /ready: its status, or 0 when the server does not answer. */
export async function readyStatus(baseUrl: string): Promise<number> {
  try {
    const response = await fetch(`${baseUrl}/ready`);
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
