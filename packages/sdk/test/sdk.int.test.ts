import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { addDays, toLocalTime } from '@aegira/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../apps/api/test-support/test-server.ts';
import { exportCheckInsCsv } from '../examples/nightly-export.ts';
import {
  type AegiraClientOptions,
  AegiraError,
  createAegiraClient,
  type RouterOutputs,
  toCsv,
} from '../src/index.ts';

const PASSWORD = 'sdk-test-password-2026';
const DAY_MS = 24 * 60 * 60 * 1000;
// Tokyo keeps no daylight saving time, so a clock one day back is exactly the
// previous local date, and its date differs from UTC's for 9 hours of each day.
const TIMEZONE = 'Asia/Tokyo';
const HEADER =
  'date,person,email,team_id,readiness_score,level,is_late,minutes_late,hours_slept,' +
  'sleep_quality,stress_level,physical_condition,pain_level,pain_location,submitted_at';
const WORKER_NAME = { firstName: 'Zoë', lastName: 'O"Brien, Jr.' };
const CHECK_IN = {
  hoursSlept: 7.5,
  sleepQuality: 8,
  stressLevel: 3,
  physicalCondition: 7,
  painLevel: 2,
  painLocation: 'lower_back',
};

let server: TestServer;
let companyA: World;
let companyB: World;

beforeAll(async () => {
  server = await startTestServer({ withWeb: false });
  companyA = await setUpCompany('a');
  companyB = await setUpCompany('b');
});
afterAll(async () => {
  await server?.stop();
});

/**
 * A browser-like call for what tokens may not do (sign up, log in, mint and
 * revoke tokens): the session cookie plus the CSRF header. The wire carries
 * the router's output shape.
 */
async function sessionCall<T>(procedure: string, input: unknown, cookie?: string) {
  const response = await fetch(`${server.url}/trpc/${procedure}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-aegira-csrf': '1',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result) {
    throw new Error(`${procedure} failed: ${response.status} ${JSON.stringify(body.error)}`);
  }
  const session = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('__Host-aegira_session='));
  return { data: body.result.data, cookie: session ?? cookie ?? '' };
}

function sdk(token: string, options: Partial<AegiraClientOptions> = {}) {
  return createAegiraClient({ baseUrl: server.url, token, ...options });
}

async function createToken(cookie: string, scope: 'READ_ONLY' | 'WHS' | 'ADMIN') {
  const created = await sessionCall<RouterOutputs['apiTokens']['create']>(
    'apiTokens.create',
    { name: `SDK test ${scope}`, scope },
    cookie,
  );
  return created.data;
}

/** Counts the HTTP requests a client makes; `answer` may stand in for the server on one. */
function countingFetch(answer: (request: number) => Response | undefined = () => undefined) {
  const methods: string[] = [];
  const counted: typeof fetch = async (input, init) => {
    methods.push(init?.method ?? 'GET');
    return answer(methods.length) ?? fetch(input, init);
  };
  return { fetch: counted, methods };
}

async function failureOf(call: Promise<unknown>): Promise<AegiraError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AegiraError)) throw new Error(`expected an AegiraError, got ${error}`);
  return error;
}

function yesterdayInTokyo(): string {
  return addDays(toLocalTime(new Date(), TIMEZONE).date, -1);
}

interface World {
  adminCookie: string;
  adminToken: string;
  readOnlyToken: string;
  teamId: string;
  worker: { id: string; email: string };
  yesterday: RouterOutputs['checkIn']['submit'];
  today: RouterOutputs['checkIn']['submit'];
}

/**
 * A company with an admin, a team open all day and a worker who checked in
 * yesterday and today. People and the team are created through the SDK with an
 * ADMIN token; what only a session may do goes over plain HTTP.
 */
async function setUpCompany(label: string): Promise<World> {
  const unique = `${label}-${randomUUID().slice(0, 8)}`;
  const signUp = await sessionCall<{ user: { company: { slug: string } } }>('auth.signUp', {
    company: { name: `SDK Company ${unique}`, timezone: TIMEZONE },
    admin: {
      firstName: 'Ada',
      lastName: 'Admin',
      email: `admin-${unique}@example.test`,
      password: PASSWORD,
    },
  });
  const adminToken = (await createToken(signUp.cookie, 'ADMIN')).token;
  const readOnlyToken = (await createToken(signUp.cookie, 'READ_ONLY')).token;
  const admin = sdk(adminToken);
  const lead = await admin.people.create.mutate({
    email: `lead-${unique}@example.test`,
    firstName: 'Lee',
    lastName: 'Lead',
    role: 'TEAM_LEAD',
    password: PASSWORD,
  });
  const team = await admin.teams.create.mutate({
    name: `Team ${unique}`,
    leaderId: lead.id,
    windowStart: '00:00',
    windowEnd: '23:59',
    workDays: [1, 2, 3, 4, 5, 6, 7],
  });
  const email = `worker-${unique}@example.test`;
  // The worker joins and checks in on yesterday's clock…
  server.deps.now = () => new Date(Date.now() - DAY_MS);
  let worker: RouterOutputs['people']['create'];
  let workerCookie: string;
  let yesterday: RouterOutputs['checkIn']['submit'];
  try {
    worker = await admin.people.create.mutate({
      email,
      ...WORKER_NAME,
      role: 'WORKER',
      teamId: team.id,
      password: PASSWORD,
    });
    const company = signUp.data.user.company.slug;
    workerCookie = (await sessionCall('auth.login', { company, email, password: PASSWORD })).cookie;
    // The admin chose that password, so the worker must replace it before anything else.
    workerCookie = (
      await sessionCall(
        'profile.changePassword',
        { currentPassword: PASSWORD, newPassword: `${PASSWORD}-own` },
        workerCookie,
      )
    ).cookie;
    yesterday = (
      await sessionCall<RouterOutputs['checkIn']['submit']>(
        'checkIn.submit',
        CHECK_IN,
        workerCookie,
      )
    ).data;
  } finally {
    server.deps.now = undefined;
  }
  // …and again today, which an export of yesterday must leave out.
  const today = (
    await sessionCall<RouterOutputs['checkIn']['submit']>(
      'checkIn.submit',
      { ...CHECK_IN, painLevel: 0, painLocation: null },
      workerCookie,
    )
  ).data;
  return {
    adminCookie: signUp.cookie,
    adminToken,
    readOnlyToken,
    teamId: team.id,
    worker: { id: worker.id, email },
    yesterday,
    today,
  };
}

describe('the SDK against the real server', () => {
  it('exports yesterday’s check-ins, in the company’s timezone, as CSV with a read-only token', async () => {
    const { yesterday, today } = companyA;
    expect(yesterday.localDate).toBe(yesterdayInTokyo());
    expect(today.localDate).not.toBe(yesterday.localDate);

    const csv = await exportCheckInsCsv(sdk(companyA.readOnlyToken));

    expect(csv).toBe(
      `${HEADER}\r\n${toCsv([
        [
          yesterday.localDate,
          'Zoë O"Brien, Jr.',
          companyA.worker.email,
          companyA.teamId,
          yesterday.scores.readinessScore,
          yesterday.scores.level,
          yesterday.isLate,
          yesterday.minutesLate,
          7.5,
          8,
          3,
          7,
          2,
          'lower_back',
          yesterday.submittedAt,
        ],
      ])}`,
    );
    expect(csv).toContain(',"Zoë O""Brien, Jr.",');
    expect(csv).not.toContain(today.submittedAt);
  });

  it('runs the example script, writing the CSV to the file it is given', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'aegira-sdk-'));
    const outFile = path.join(directory, 'yesterday.csv');
    const packageDir = fileURLToPath(new URL('..', import.meta.url));
    const run = (token: string) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'examples/nightly-export.ts', outFile],
        { cwd: packageDir, env: { ...process.env, AEGIRA_URL: server.url, AEGIRA_TOKEN: token } },
      );
    try {
      await run(companyA.readOnlyToken);
      const written = await readFile(outFile, 'utf8');
      expect(written).toBe(await exportCheckInsCsv(sdk(companyA.readOnlyToken)));

      const failed = await run('aegira_not_a_real_token').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failed).toMatchObject({ code: 1 });
      expect(String((failed as { stderr?: unknown }).stderr)).toContain(
        'nightly-export failed: UNAUTHORIZED (HTTP 401): The API token is invalid, expired or revoked.',
      );
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('refuses every mutation of a read-only token with FORBIDDEN', async () => {
    const client = sdk(companyA.readOnlyToken);
    await expect(client.company.get.query()).resolves.toMatchObject({ timezone: TIMEZONE });
    const error = await failureOf(client.holidays.create.mutate({ date: '2030-01-02', name: 'X' }));
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      httpStatus: 403,
      message: 'This API token is read-only.',
    });
    expect(error.requestId).toEqual(expect.any(String));
  });

  it('passes on the server’s field errors for invalid input', async () => {
    const error = await failureOf(
      sdk(companyA.adminToken).holidays.create.mutate({ date: '2030-02-30', name: ' ' }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      appCode: 'VALIDATION_FAILED',
    });
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['date', 'name']);
  });

  it('refuses a revoked token with UNAUTHORIZED on its next request, without retrying', async () => {
    const { token, apiToken } = await createToken(companyA.adminCookie, 'WHS');
    const counter = countingFetch();
    const client = sdk(token, { fetch: counter.fetch });
    await expect(client.teams.list.query({})).resolves.toMatchObject({ items: expect.any(Array) });
    await sessionCall('apiTokens.revoke', { id: apiToken.id }, companyA.adminCookie);

    const error = await failureOf(client.teams.list.query({}));
    expect(error).toMatchObject({
      code: 'UNAUTHORIZED',
      httpStatus: 401,
      appCode: 'INVALID_API_TOKEN',
    });
    expect(counter.methods).toEqual(['GET', 'GET']);
  });

  it('shows a token of company A nothing of company B', async () => {
    const client = sdk(companyA.readOnlyToken);
    const day = await client.checkIn.forDate.query({ date: companyB.yesterday.localDate });
    expect(day.items.map((item) => item.id)).toEqual([companyA.yesterday.id]);
    expect(day.items.some((item) => item.teamId === companyB.teamId)).toBe(false);
    expect(await exportCheckInsCsv(client)).not.toContain(companyB.worker.email);

    const error = await failureOf(client.teams.get.query({ id: companyB.teamId }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
    // And the other way round.
    const csvB = await exportCheckInsCsv(sdk(companyB.readOnlyToken));
    expect(csvB).toContain(companyB.worker.email);
    expect(csvB).not.toContain(companyA.worker.email);
  });

  it('batches concurrent queries within the server’s batch limit', async () => {
    const counter = countingFetch();
    const client = sdk(companyA.readOnlyToken, { fetch: counter.fetch });
    const results = await Promise.all(Array.from({ length: 12 }, () => client.company.get.query()));
    expect(results.every((company) => company.timezone === TIMEZONE)).toBe(true);
    // 12 calls in one tick: a batch of 10 (the server's maximum) and one of 2.
    expect(counter.methods).toEqual(['GET', 'GET']);
  });

  it('reports an unexpected server error with its request id, after retrying it (a mutation under one key)', async () => {
    server.deps.now = () => {
      throw new Error('the clock is broken');
    };
    try {
      const counter = countingFetch();
      const client = sdk(companyA.adminToken, { fetch: counter.fetch });
      const error = await failureOf(client.company.get.query());
      expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 });
      expect(error.requestId).toEqual(expect.any(String));
      expect(error.message).toContain(`request id ${error.requestId}`);
      expect(error.message).not.toContain('clock');
      expect(counter.methods).toEqual(['GET', 'GET', 'GET']);

      const mutation = await failureOf(
        client.holidays.create.mutate({ date: '2030-01-03', name: 'Never' }),
      );
      expect(mutation.code).toBe('INTERNAL_SERVER_ERROR');
      expect(counter.methods).toEqual(['GET', 'GET', 'GET', 'POST', 'POST', 'POST']);
    } finally {
      server.deps.now = undefined;
    }
  });

  it('gets a query and a mutation through a flaky proxy; a mutation whose answer was lost is applied once', async () => {
    const badGateway = () =>
      new Response('<html>502 Bad Gateway</html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      });
    const flaky = countingFetch((request) => (request <= 2 ? badGateway() : undefined));
    const client = sdk(companyA.adminToken, { fetch: flaky.fetch });
    await expect(client.company.get.query()).resolves.toMatchObject({ timezone: TIMEZONE });
    expect(flaky.methods).toEqual(['GET', 'GET', 'GET']);

    const down = countingFetch(badGateway);
    const mutation = await failureOf(
      sdk(companyA.adminToken, { fetch: down.fetch }).holidays.create.mutate({
        date: '2030-01-04',
        name: 'Never',
      }),
    );
    expect(mutation).toMatchObject({ code: 'BAD_GATEWAY', httpStatus: 502 });
    expect(down.methods).toEqual(['POST', 'POST', 'POST']);

    // The proxy forwards the first POST, the server applies it, and the answer is lost on
    // the way back; the retry carries the same Idempotency-Key and gets the first answer.
    const keys: string[] = [];
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method !== 'POST') return response;
      keys.push(new Headers(init.headers).get('idempotency-key') ?? '');
      return keys.length === 1 ? badGateway() : response;
    };
    const once = await sdk(companyA.adminToken, { fetch: lossy }).holidays.create.mutate({
      date: '2030-01-05',
      name: 'Applied once',
    });
    expect(once.name).toBe('Applied once');
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe('');
    expect(keys[1]).toBe(keys[0]);
    const listed = await sdk(companyA.adminToken).holidays.list.query({ year: 2030 });
    expect(listed.items.filter((holiday) => holiday.name === 'Applied once')).toHaveLength(1);
  });

  it('turns an answer slower than timeoutMs into TIMEOUT', async () => {
    const slow: typeof fetch = async (input, init) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return fetch(input, init);
    };
    const client = sdk(companyA.readOnlyToken, { fetch: slow, timeoutMs: 100, retries: 0 });
    const error = await failureOf(client.company.get.query());
    expect(error).toMatchObject({ code: 'TIMEOUT', httpStatus: undefined });
    expect(error.message).toContain('within 100 ms');
  });
});
