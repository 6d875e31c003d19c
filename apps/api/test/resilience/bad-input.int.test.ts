import { randomUUID } from 'node:crypto';
import {
  EVENT_PAYLOAD_MAX_BYTES,
  EventPayloadTooLargeError,
  event,
  executeCommand,
  storedPayloadBytes,
} from '@aegira/db';
import { installFaults, sql } from '@aegira/db/faults';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApi, failureOf, type TestApi } from '../../test-support/api-harness.ts';
import { type CapturedLogs, captureLogs } from '../../test-support/capture-logs.ts';
import { type CompanyFixture, companyFixture, personFixture } from '../../test-support/fixtures.ts';
import { type ServedApp, serveApp, sessionCookieOf } from '../../test-support/serve-app.ts';

// A count of context factory calls: BI-1 asserts that refused batches never reach it.
const contextCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/trpc/request-context.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/trpc/request-context.ts')>();
  return {
    ...original,
    createRequestContext: (...args: Parameters<typeof original.createRequestContext>) => {
      contextCalls.count += 1;
      return original.createRequestContext(...args);
    },
  };
});

const CSRF = { 'x-aegira-csrf': '1' };
// What a generic error must not show (resilience-cases.md): SQL, tables, constraints, hosts, stacks.
const LEAKS =
  /select|insert|update |constraint|violat|relation|column|holidays|events|persons|127\.0\.0\.1|localhost|postgres|prisma|\.ts:\d|at \w+ \(/i;

let api: TestApi;
let logs: CapturedLogs;
let served: ServedApp;
let owner: pg.Client;
let company: CompanyFixture;
let adminCookie: string;

beforeAll(async () => {
  logs = captureLogs();
  api = await createTestApi({ logger: logs.logger });
  owner = new pg.Client({ connectionString: api.ownerUrl });
  owner.on('error', () => undefined);
  await owner.connect();
  company = await companyFixture(api);
  adminCookie = sessionCookieOf(company.admin);
  served = await serveApp(api);
});
afterAll(async () => {
  await served?.close();
  await owner?.end();
  await api?.close();
});

async function countEvents(): Promise<number> {
  const result = await owner.query<{ n: string }>('SELECT count(*) AS n FROM events');
  return Number(result.rows[0]?.n);
}

function post(path: string, body: RequestInit['body'], headers: Record<string, string> = {}) {
  return fetch(`${served.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...CSRF, cookie: adminCookie, ...headers },
    body,
  });
}

interface TrpcErrorBody {
  error: {
    message: string;
    data: { code: string; httpStatus: number; fieldErrors?: Record<string, string[]> };
  };
}

async function errorOf(response: Response): Promise<TrpcErrorBody['error']> {
  const body = (await response.json()) as TrpcErrorBody;
  return body.error;
}

describe('BI-1: oversized batches', () => {
  beforeEach(() => {
    contextCalls.count = 0;
  });

  it('BI-1: 11 paths or 1,000 commas get 400 before createContext runs, with flat memory', async () => {
    const eleven = Array.from({ length: 11 }, () => 'auth.me').join(',');
    const tooMany = await fetch(`${served.url}/trpc/${eleven}?batch=1`);
    expect(tooMany.status).toBe(400);
    const commas = await fetch(`${served.url}/trpc/${','.repeat(1000)}?batch=1`);
    expect(commas.status).toBe(400);
    expect(contextCalls.count).toBe(0);

    // The control: a batch within the limit does create a context.
    const ok = await fetch(`${served.url}/trpc/auth.me,auth.me?batch=1`);
    expect(ok.status).toBe(200);
    expect(contextCalls.count).toBeGreaterThan(0);
    contextCalls.count = 0;

    const before = process.memoryUsage().rss;
    for (let round = 0; round < 20; round += 1) {
      const replies = await Promise.all(
        Array.from({ length: 10 }, () => fetch(`${served.url}/trpc/${','.repeat(1000)}?batch=1`)),
      );
      expect(replies.every((reply) => reply.status === 400)).toBe(true);
      await Promise.all(replies.map((reply) => reply.arrayBuffer()));
    }
    expect(contextCalls.count).toBe(0);
    // Generous: 200 refused requests must not grow the process by anything like their count.
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('BI-2: body size', () => {
  it('BI-2: a 5 MB JSON POST is refused with 413 and RSS stays within a small bound', async () => {
    const before = process.memoryUsage().rss;
    const events = await countEvents();
    const body = JSON.stringify({ date: '2026-12-24', name: 'x'.repeat(5 * 1024 * 1024) });
    const response = await post('holidays.create', body);
    expect(response.status).toBe(413);
    expect((await errorOf(response)).message).toMatch(/larger than 100 kB/);
    expect(await countEvents()).toBe(events);
    expect(process.memoryUsage().rss - before).toBeLessThan(96 * 1024 * 1024);
  });
});

describe('BI-3 / TI-7: server-owned fields', () => {
  it.each(['companyId', 'personId', 'eventId', 'isActive', 'version', 'createdAt'])(
    'BI-3: a mutation carrying %s is refused with BAD_REQUEST and stores nothing',
    async (field) => {
      const events = await countEvents();
      const failure = await failureOf(
        company.admin.api.holidays.create({
          date: '2026-12-25',
          name: 'Christmas',
          [field]: field === 'isActive' ? true : field === 'version' ? 1 : randomUUID(),
        } as never),
      );
      expect(failure.code).toBe('BAD_REQUEST');
      expect(failure.fieldErrors?.[field]).toEqual([`unknown field "${field}" is not allowed`]);
      expect(await countEvents()).toBe(events);
    },
  );

  it("TI-7: another company's id in the input is refused; in a header it is ignored and the event carries the token's ids", async () => {
    const other = await companyFixture(api);
    const smuggled = await post(
      'holidays.create',
      JSON.stringify({ date: '2026-07-14', name: 'Smuggled', companyId: other.companyId }),
    );
    expect(smuggled.status).toBe(400);
    expect((await errorOf(smuggled)).data.fieldErrors?.companyId).toBeDefined();
    const asOther = await post(
      'holidays.create',
      JSON.stringify({ date: '2026-07-15', name: 'Header Day', personId: other.adminId }),
    );
    expect(asOther.status).toBe(400);

    const headed = await post(
      'holidays.create',
      JSON.stringify({ date: '2026-07-16', name: 'Header Day' }),
      {
        'x-company-id': other.companyId,
        'x-aegira-company-id': other.companyId,
        'x-person-id': other.adminId,
      },
    );
    expect(headed.status).toBe(200);
    const stored = await owner.query<{ company_id: string; actor_id: string }>(
      `SELECT company_id, actor_id FROM events
        WHERE type = 'HOLIDAY_CREATED' AND payload->>'name' = 'Header Day'`,
    );
    expect(stored.rows).toEqual([{ company_id: company.companyId, actor_id: company.adminId }]);
  });
});

describe('BI-4: database errors stay on the server', () => {
  it.each([
    [
      'value too long (22001)',
      `RAISE EXCEPTION USING ERRCODE = '22001',
       MESSAGE = 'value too long for type character varying(100)', TABLE = 'holidays', COLUMN = 'name'`,
    ],
    [
      'a foreign key violation (23503)',
      `RAISE EXCEPTION USING ERRCODE = '23503',
       MESSAGE = 'insert or update on table "holidays" violates foreign key constraint "holidays_company_id_fkey"',
       DETAIL = 'Key (company_id)=(00000000-0000-0000-0000-000000000000) is not present in table "companies".'`,
    ],
  ])(
    'BI-4: %s gives the generic message; the log has the full error and request id',
    async (label, raise) => {
      const sqlState = /\((\d{5})\)/.exec(label)?.[1] ?? 'none';
      const remove = installFaults(api.db, {
        afterEventInsert: async (tx) => {
          await tx.run(sql(`DO $$ BEGIN ${raise}; END $$`));
        },
      });
      logs.clear();
      const events = await countEvents();
      try {
        const response = await post(
          'holidays.create',
          JSON.stringify({ date: '2026-03-17', name: `Fault ${randomUUID().slice(0, 8)}` }),
        );
        const requestId = response.headers.get('x-request-id');
        const error = await errorOf(response);
        if (sqlState === '23503') {
          // A refused reference is answered as NOT_FOUND (TI-8, reference-failure.ts), generically.
          expect(response.status).toBe(404);
          expect(error.message).toBe('A record this change refers to was not found.');
        } else {
          expect(response.status).toBe(500);
          expect(error.message).toBe(
            `Something went wrong on our side. Please try again; if it persists, quote request id ${requestId}.`,
          );
        }
        expect(JSON.stringify({ ...error, data: { ...error.data, path: null } })).not.toMatch(
          LEAKS,
        );
        const logged = logs.lines.find((line) => line.requestId === requestId && line.detail);
        expect(logged?.requestId).toBe(requestId);
        // The full error: the database's SQLSTATE and its own message, for the operator.
        expect(String(logged?.detail)).toContain(sqlState);
        // Prisma's wrapping, or node-postgres's own DatabaseError (named "error"), for a
        // statement the write path sent by the driver (decisions 045, 046).
        expect(String(logged?.error)).toMatch(/PrismaClient|DriverAdapter|Error|^error: /);
      } finally {
        remove();
      }
      expect(await countEvents()).toBe(events);
    },
  );

  it('BI-4: a dropped connection gives a generic message and is logged with the request id', async () => {
    const remove = installFaults(api.db, {
      afterEventInsert: async (tx) => {
        await tx.rows(sql('SELECT pg_terminate_backend(pg_backend_pid())'));
      },
    });
    logs.clear();
    const events = await countEvents();
    try {
      const response = await post(
        'holidays.create',
        JSON.stringify({ date: '2026-03-18', name: 'Dropped' }),
      );
      expect(response.status).toBeGreaterThanOrEqual(500);
      const requestId = response.headers.get('x-request-id') ?? 'none';
      const error = await errorOf(response);
      expect(JSON.stringify({ ...error, data: { ...error.data, path: null } })).not.toMatch(LEAKS);
      expect(logs.lines.some((line) => JSON.stringify(line).includes(requestId))).toBe(true);
    } finally {
      remove();
    }
    expect(await countEvents()).toBe(events);
  });
});

describe('BI-5: malformed requests', () => {
  it('BI-5: malformed JSON in ?input= gets 400', async () => {
    const response = await fetch(`${served.url}/trpc/holidays.list?input=%7B%22year%22%3A`, {
      headers: { cookie: adminCookie },
    });
    expect(response.status).toBe(400);
  });

  it('BI-5: invalid UTF-8 in a body gets 400 and nothing is stored as U+FFFD', async () => {
    const events = await countEvents();
    const bytes = Buffer.concat([
      Buffer.from('{"date":"2026-05-01","name":"Bad '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ]);
    const response = await post('holidays.create', bytes);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/not valid UTF-8/);
    // An encoded lone surrogate (CESU-style ED A0 80) is invalid UTF-8 too.
    const surrogate = Buffer.concat([
      Buffer.from('{"date":"2026-05-02","name":"Bad '),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('"}'),
    ]);
    expect((await post('holidays.create', surrogate)).status).toBe(400);
    expect(await countEvents()).toBe(events);
    const replaced = await owner.query(
      `SELECT 1 FROM holidays WHERE name LIKE '%' || chr(65533) || '%'`,
    );
    expect(replaced.rowCount).toBe(0);
  });

  it('BI-5: an empty body for a procedure that needs input gets 400; a wrong content type 415', async () => {
    const empty = await post('holidays.create', '');
    expect(empty.status).toBe(400);
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/octet-stream',
    ]) {
      const response = await post('holidays.create', '{"date":"2026-05-03","name":"Typed"}', {
        'content-type': type,
      });
      expect(response.status).toBe(415);
      expect((await errorOf(response)).data.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const missing = await fetch(`${served.url}/trpc/holidays.create`, {
      method: 'POST',
      headers: { ...CSRF, cookie: adminCookie },
      body: new Uint8Array(Buffer.from('{"date":"2026-05-04","name":"Untyped"}')),
    });
    expect(missing.status).toBe(415);
    // The process is still up and answering.
    expect((await fetch(`${served.url}/health`)).status).toBe(200);
  });

  it('BI-5: a NUL byte or a lone surrogate in a string gets 400 naming the field', async () => {
    const nul = await post(
      'holidays.create',
      JSON.stringify({ date: '2026-05-05', name: 'a\u0000b' }),
    );
    expect(nul.status).toBe(400);
    expect((await errorOf(nul)).data.fieldErrors?.name?.[0]).toMatch(/NUL/);
    const lone = await post('holidays.create', '{"date":"2026-05-06","name":"a\\ud800b"}');
    expect(lone.status).toBe(400);
    expect((await errorOf(lone)).data.fieldErrors?.name?.[0]).toMatch(/surrogate/);
    // In a query string too (GET procedures and the CSV routes).
    const query = await fetch(
      `${served.url}/trpc/audit.list?input=${encodeURIComponent('{"action":"a\\u0000"}')}`,
      { headers: { cookie: adminCookie } },
    );
    expect(query.status).toBe(400);
    const csv = await fetch(`${served.url}/api/audit-log.csv?action=%00`, {
      headers: { cookie: adminCookie },
    });
    expect(csv.status).toBe(400);
  });

  it('BI-5: an oversized numeric cursor for events.forEntity gets 400', async () => {
    const input = {
      entityType: 'company',
      entityId: company.companyId,
      cursor: '9'.repeat(40),
    };
    const response = await fetch(
      `${served.url}/trpc/events.forEntity?input=${encodeURIComponent(JSON.stringify(input))}`,
      { headers: { cookie: adminCookie } },
    );
    expect(response.status).toBe(400);
    expect((await errorOf(response)).data.fieldErrors?.cursor).toBeDefined();
    const largest = await fetch(
      `${served.url}/trpc/events.forEntity?input=${encodeURIComponent(JSON.stringify({ ...input, cursor: '9'.repeat(18) }))}`,
      { headers: { cookie: adminCookie } },
    );
    expect(largest.status).toBe(200);
  });
});

describe('BI-5 / BI-6 over the REST mapping (/api/v1)', () => {
  it('BI-5: the REST routes read strict UTF-8 JSON and run the same input guard', async () => {
    const { token } = await company.admin.api.apiTokens.create({
      name: 'Bad input',
      scope: 'ADMIN',
    });
    const rest = (body: RequestInit['body'], type = 'application/json') =>
      fetch(`${served.url}/api/v1/holidays/create`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      });
    const events = await countEvents();
    expect((await rest('{"date":"2026-09-01","name":"Form"}', 'text/plain')).status).toBe(415);
    const invalid = Buffer.concat([
      Buffer.from('{"date":"2026-09-02","name":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    expect((await rest(invalid)).status).toBe(400);
    expect((await rest('{not json')).status).toBe(400);
    const proto = await rest('{"date":"2026-09-03","name":"Proto","__proto__":{"isAdmin":true}}');
    expect(proto.status).toBe(400);
    const body = (await proto.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(Object.hasOwn(body.error.fieldErrors, '__proto__')).toBe(true);
    const nul = await fetch(`${served.url}/api/v1/holidays/list?year=2026%00`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(nul.status).toBe(400);
    expect(await countEvents()).toBe(events);
    expect((await rest('{"date":"2026-09-04","name":"Fine"}')).status).toBe(200);
  });
});

describe('BI-6: prototype keys', () => {
  it.each([
    [
      '__proto__',
      '{"company":"x","email":"a@b.test","password":"pw","__proto__":{"isAdmin":true}}',
    ],
    [
      'constructor',
      '{"company":"x","email":"a@b.test","password":"pw","constructor":{"prototype":{"isAdmin":true}}}',
    ],
    ['toString', '{"company":"x","email":"a@b.test","password":"pw","toString":"boom"}'],
  ])(
    'BI-6: a "%s" key is refused with 400 even signed out, and Object.prototype is untouched',
    async (key, body) => {
      const response = await post('auth.login', body, { cookie: '' });
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(Object.hasOwn(error.data.fieldErrors ?? {}, key)).toBe(true);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      // Nested, in a signed-in mutation, through the REST-shaped path as well as tRPC.
      const nested = await post(
        'holidays.create',
        `{"date":"2026-06-01","name":"Proto","x":{"${key}":{"isAdmin":true}}}`,
      );
      expect(nested.status).toBe(400);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );
});

describe('BI-7: size limits', () => {
  it('BI-7: strings and arrays over their max, and nesting deeper than 20, are refused', async () => {
    const long = await failureOf(
      company.admin.api.holidays.create({ date: '2026-08-01', name: 'x'.repeat(101) }),
    );
    expect(long.fieldErrors?.name).toEqual(['must be at most 100 characters']);
    let deep: unknown = 'leaf';
    for (let level = 0; level < 25; level += 1) deep = { a: deep };
    const nested = await post(
      'holidays.create',
      JSON.stringify({ date: '2026-08-02', name: 'Deep', deep }),
    );
    expect(nested.status).toBe(400);
    expect((await errorOf(nested)).message).toMatch(/nested too deeply/);
    const person = await personFixture(api, company, 'WORKER');
    const days = await failureOf(
      company.admin.api.people.update({
        personId: person.id,
        expectedVersion: 1,
        workDays: [1, 2, 3, 4, 5, 6, 7, 1],
      } as never),
    );
    expect(days.code).toBe('BAD_REQUEST');
    expect(days.fieldErrors?.workDays).toEqual(
      expect.arrayContaining(['must list at most 7 days']),
    );
  });

  it('BI-7: the write path refuses a payload over the cap before the insert', async () => {
    const events = await countEvents();
    const refusal = executeCommand(api.db, company.actor, async () => [
      event('COMPANY_UPDATED', { id: company.companyId, changes: { name: 'n'.repeat(70_000) } }),
    ]);
    await expect(refusal).rejects.toBeInstanceOf(EventPayloadTooLargeError);
    await expect(refusal).rejects.toThrow(`at most ${EVENT_PAYLOAD_MAX_BYTES} bytes`);
    expect(await countEvents()).toBe(events);
  });

  it("BI-7: the write path's measure matches PostgreSQL's octet_length(payload::text)", async () => {
    const payloads: unknown[] = [
      { id: randomUUID(), changes: { name: 'Zoë 🚧 "quoted"\n', timezone: 'Europe/Berlin' } },
      { list: [1, 2.5, null, true, 'x'], nested: { a: [], b: {}, c: [{ d: 'e' }] } },
      { empty: '', unicode: 'ü'.repeat(100), control: '\u0001\t' },
    ];
    for (const payload of payloads) {
      const result = await owner.query<{ n: number }>('SELECT octet_length($1::jsonb::text) AS n', [
        JSON.stringify(payload),
      ]);
      expect(storedPayloadBytes(payload)).toBe(result.rows[0]?.n);
    }
  });

  it('BI-7: the database CHECK refuses a payload over 64 KB even from the owner role', async () => {
    const insert = (size: number) =>
      owner.query(
        `INSERT INTO events (id, company_id, type, entity_type, entity_id, payload, schema_version)
         VALUES (gen_random_uuid(), $1::uuid, 'COMPANY_UPDATED', 'company', $1::uuid,
                 jsonb_build_object('id', $2::text, 'changes', jsonb_build_object('name', repeat('n', $3::int))), 1)`,
        [company.companyId, company.companyId, size],
      );
    await owner.query('BEGIN');
    try {
      await insert(60_000); // under the cap: accepted (rolled back below)
      await owner.query('SAVEPOINT over');
      await expect(insert(70_000)).rejects.toMatchObject({
        code: '23514',
        constraint: 'events_payload_size',
      });
    } finally {
      await owner.query('ROLLBACK');
    }
  });
});
