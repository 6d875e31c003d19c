import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { childProcessEnv, env } from '@aegira/config';
import { createDb, type DecidedEvent, event, executeCommand } from '@aegira/db';
import { prepareDatabase, startEmbeddedPostgres } from '@aegira/db/server';
import pg from 'pg';
import { signSessionToken } from '../src/auth/session-token.ts';
import { openSse, type SseStream } from '../test-support/sse-stream.ts';

// `pnpm --filter @aegira/api exec tsx scripts/measure-live.ts [streams] [receivers]`: how many
// open live streams one API instance holds, and how fast a check-in reaches them. One API
// process (as `pnpm start` runs it, jobs off) on a database of its own (DATABASE_URL's server
// when set, else a throw-away embedded one); this process opens `streams` SSE streams
// (`receivers` of them WHS officers, who hear every roster change of the company; the rest
// leads of other teams, who hear nothing) and a worker submits check-ins over HTTP. Prints the
// server's memory per stream and the delay from the submit's response to each receiving stream.

const STREAMS = Number(process.argv[2] ?? 1_000);
const RECEIVERS = Number(process.argv[3] ?? STREAMS);
const SUBMITS = 5;
const JWT_SECRET = randomBytes(32).toString('hex');
const METRICS_TOKEN = randomBytes(16).toString('hex');
const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (line: string) => process.stdout.write(`${line}\n`);

async function withOwner<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function openDatabase() {
  const name = `aegira_live_${randomBytes(4).toString('hex')}`;
  let serverUrl = env().DATABASE_URL;
  let stop: () => Promise<void> = async () => undefined;
  if (!serverUrl) {
    const dataDir = path.join(os.tmpdir(), `aegira-live-${randomBytes(4).toString('hex')}`);
    const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    serverUrl = server.ownerUrl;
    stop = server.stop;
  }
  await withOwner(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const ownerUrl = new URL(serverUrl);
  ownerUrl.pathname = `/${name}`;
  // The API process prepares the same database with the configured password: use it here too.
  const appUrl = await prepareDatabase(ownerUrl.toString(), {
    log: () => undefined,
    appPassword: env().AEGIRA_APP_DB_PASSWORD,
  });
  const drop = async () => {
    await withOwner(serverUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    );
    await stop();
  };
  return { ownerUrl: ownerUrl.toString(), appUrl, drop };
}

function person(role: 'ADMIN' | 'TEAM_LEAD' | 'WHS' | 'WORKER', teamId: string | null) {
  const id = randomUUID();
  return event('PERSON_CREATED', {
    id,
    email: `${role.toLowerCase()}-${id}@live.test`,
    firstName: role,
    lastName: id.slice(0, 6),
    phone: null,
    windowStart: null,
    windowEnd: null,
    workDays: [],
    role,
    teamId,
    teamAssignedOn: teamId ? '2026-01-01' : null,
    mustChangePassword: false,
  });
}

function team(leaderId: string) {
  const id = randomUUID();
  return event('TEAM_CREATED', {
    id,
    name: `Team ${id.slice(0, 8)}`,
    description: null,
    leaderId,
    supervisorId: null,
    windowStart: '00:00',
    windowEnd: '23:59',
    workDays: [1, 2, 3, 4, 5, 6, 7],
  });
}

/** A company: one team with `workers` workers, `whs` WHS officers, `idleLeads` leads of other teams. */
async function buildCompany(
  appUrl: string,
  counts: { workers: number; whs: number; idleLeads: number },
) {
  const db = createDb(appUrl);
  const companyId = randomUUID();
  const admin = person('ADMIN', null);
  const actor = { companyId, actorId: admin.payload.id };
  await executeCommand(db, actor, async () => [
    event('COMPANY_CREATED', {
      id: companyId,
      name: 'Live',
      slug: `l-${companyId}`,
      timezone: 'UTC',
    }),
    admin,
  ]);
  const lead = person('TEAM_LEAD', null);
  const main = team(lead.payload.id);
  const events: DecidedEvent[] = [lead, main];
  const workers = Array.from({ length: counts.workers }, () => person('WORKER', main.payload.id));
  const whs = Array.from({ length: counts.whs }, () => person('WHS', null));
  const idleLeads = Array.from({ length: counts.idleLeads }, () => person('TEAM_LEAD', null));
  events.push(...workers, ...whs, ...idleLeads, ...idleLeads.map((idle) => team(idle.payload.id)));
  await executeCommand(db, actor, async () => events);
  await db.$disconnect();
  const session = (personId: string) =>
    signSessionToken(JWT_SECRET, { personId, companyId, tokenVersion: 0 });
  return {
    workerTokens: workers.map((worker) => session(worker.payload.id)),
    receiverTokens: whs.map((officer) => session(officer.payload.id)),
    idleTokens: idleLeads.map((idle) => session(idle.payload.id)),
  };
}

function startApi(ownerUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    env: childProcessEnv({
      set: {
        DATABASE_URL: ownerUrl,
        PORT: '0',
        NODE_ENV: 'test',
        JWT_SECRET,
        LOG_LEVEL: 'error',
        AEGIRA_JOBS: 'off',
        AEGIRA_METRICS_TOKEN: METRICS_TOKEN,
      },
    }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = output.match(/AEGIRA is running at (\S+)/)?.[1];
      if (url) resolve({ child, url: url.replace('localhost', '127.0.0.1') });
    });
    child.once('exit', (code) => reject(new Error(`API exited with ${code}:\n${output}`)));
  });
}

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Math.round(Number(line?.[1] ?? 0) / 1024);
}

async function gauge(url: string): Promise<string> {
  const response = await fetch(`${url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const text = await response.text();
  return text.match(/^aegira_live_subscriptions (\S+)/m)?.[1] ?? 'n/a';
}

async function submit(url: string, token: string): Promise<void> {
  const response = await fetch(`${url}/trpc/checkIn.submit`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-aegira-csrf': '1',
      cookie: `__Host-aegira_session=${token}`,
    },
    body: JSON.stringify({
      hoursSlept: 7.5,
      sleepQuality: 8,
      stressLevel: 3,
      physicalCondition: 8,
      painLevel: 0,
    }),
  });
  if (!response.ok) throw new Error(`submit failed: ${response.status} ${await response.text()}`);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function main(): Promise<void> {
  say(`Live streams: ${STREAMS} open, ${RECEIVERS} of them hearing every check-in`);
  const database = await openDatabase();
  const company = await buildCompany(database.appUrl, {
    workers: SUBMITS,
    whs: RECEIVERS,
    idleLeads: STREAMS - RECEIVERS,
  });
  const api = await startApi(database.ownerUrl);
  const pid = api.child.pid ?? 0;
  const streams: SseStream[] = [];
  try {
    await sleep(1_000);
    const before = rssMb(pid);
    const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
    const opened = performance.now();
    const tokens = [...company.receiverTokens, ...company.idleTokens];
    for (let start = 0; start < tokens.length; start += 50) {
      const batch = tokens.slice(start, start + 50);
      streams.push(
        ...(await Promise.all(
          batch.map((token) => openSse(api.url, 'live.updates', token, { agent })),
        )),
      );
    }
    const openMs = Math.round(performance.now() - opened);
    await sleep(2_000);
    const after = rssMb(pid);
    say(
      `opened ${streams.length} streams in ${openMs} ms; gauge aegira_live_subscriptions = ${await gauge(api.url)}`,
    );
    say(
      `server RSS ${before} MB before, ${after} MB with the streams: ${(((after - before) * 1024) / Math.max(1, streams.length)).toFixed(1)} kB per stream`,
    );
    const receivers = streams.slice(0, RECEIVERS);
    const all: number[] = [];
    for (const [index, token] of company.workerTokens.entries()) {
      const counted = receivers.map((stream) => stream.messages().length);
      const started = performance.now();
      await submit(api.url, token);
      const returned = performance.now();
      const arrivals = await Promise.all(
        receivers.map(async (stream, at) => {
          const seen = counted[at] ?? 0;
          await stream.waitFor(() => stream.messages().length > seen, 10_000);
          const arrived = stream.messages()[seen];
          if (!arrived) throw new Error('unreachable: a message was counted');
          return arrived;
        }),
      );
      const delays = arrivals.map((event) => event.at - returned).sort((a, b) => a - b);
      all.push(...delays);
      say(
        `check-in ${index + 1}: submit ${Math.round(returned - started)} ms; delivered to ${arrivals.length} streams, after the response: p50 ${Math.round(percentile(delays, 50))} ms, p95 ${Math.round(percentile(delays, 95))} ms, last ${Math.round(delays.at(-1) ?? 0)} ms`,
      );
      await sleep(2_500); // past the session re-check age, so every delivery pays it
    }
    const idle = streams
      .slice(RECEIVERS)
      .reduce((sum, stream) => sum + stream.messages().length, 0);
    all.sort((a, b) => a - b);
    const summary = {
      streams: streams.length,
      receivers: RECEIVERS,
      rssBeforeMb: before,
      rssAfterMb: after,
      kbPerStream: Number((((after - before) * 1024) / Math.max(1, streams.length)).toFixed(1)),
      delayP50Ms: Math.round(percentile(all, 50)),
      delayP95Ms: Math.round(percentile(all, 95)),
      delayMaxMs: Math.round(all.at(-1) ?? 0),
      messagesToNonReceivers: idle,
      serverRssEndMb: rssMb(pid),
    };
    say(JSON.stringify(summary));
  } finally {
    for (const stream of streams) stream.close();
    api.child.kill('SIGTERM');
    await new Promise((resolve) => api.child.once('exit', resolve));
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
