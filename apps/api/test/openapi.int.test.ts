import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../test-support/test-server.ts';

// A client in "another language": it knows HTTP, JSON and the OpenAPI document, nothing of
// tRPC. It calls every documented operation with an ADMIN token, building each request from
// the document alone (path, method, query parameters or JSON body, security scheme), and
// checks every answer against the document: a documented status, a body of the documented
// shape. Ids it receives are reused in later calls, so most operations really succeed.

type Json = Record<string, unknown>;
interface Operation {
  method: 'get' | 'post';
  path: string;
  operationId: string;
  parameters?: { name: string; in: string; required: boolean; schema: Json }[];
  requestBody?: { content: { 'application/json': { schema: Json } } };
  responses: Record<string, { content?: { 'application/json': { schema: Json } } }>;
}

let server: TestServer;
let token: string;
let whsToken: string;
let document: Json;

beforeAll(async () => {
  server = await startTestServer({ withWeb: false });
  // Issuing a token is a browser-session action (as an admin would in the admin area).
  const email = `openapi-${Date.now().toString(36)}@example.test`;
  const signUp = await fetch(`${server.url}/trpc/auth.signUp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-aegira-csrf': '1' },
    body: JSON.stringify({
      company: { name: `OpenAPI Co ${email}`, timezone: 'Europe/Berlin' },
      admin: { firstName: 'Olga', lastName: 'Openapi', email, password: 'openapi-long-password' },
    }),
  });
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const issue = async (scope: 'ADMIN' | 'WHS') => {
    const created = await fetch(`${server.url}/trpc/apiTokens.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-aegira-csrf': '1', cookie },
      body: JSON.stringify({ name: `OpenAPI client ${scope}`, scope }),
    });
    return ((await created.json()) as { result: { data: { token: string } } }).result.data.token;
  };
  token = await issue('ADMIN');
  // Incidents and cases are WHS work (issue 9): an integration calls them with a WHS token.
  whsToken = await issue('WHS');
  document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Json;
}, 30_000);

afterAll(async () => {
  await server?.stop();
});

function operationsOf(doc: Json): Operation[] {
  const paths = doc.paths as Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      ...operation,
      method: method as Operation['method'],
      path,
    })),
  );
}

/** Ids seen in answers, by the input field name that takes them. */
const ids: Record<string, string[]> = {};
const ID_FIELD_BY_TAG: Record<string, string> = {
  people: 'personId',
  teams: 'teamId',
  holidays: 'holidayId',
  leave: 'leaveId',
  missedCheckIns: 'missId',
  alerts: 'alertId',
  checkIn: 'checkInId',
};
let counter = 0;

function idFor(field: string, tag: string): string {
  const key = field === 'id' ? (ID_FIELD_BY_TAG[tag] ?? 'id') : field;
  const alias = key === 'leaderId' || key === 'supervisorId' ? 'personId' : key;
  const known = ids[alias];
  return known?.[known.length - 1] ?? '00000000-0000-4000-8000-000000000000';
}

/** A plausible value for a field, from its name and its JSON Schema only. */
function sample(name: string, schema: Json, tag: string): unknown {
  counter += 1;
  const today = new Date(Date.UTC(2031, 0, 1 + counter)).toISOString().slice(0, 10);
  if (Array.isArray(schema.anyOf)) {
    const first = (schema.anyOf as Json[]).find((option) => option.type !== 'null');
    return first ? sample(name, first, tag) : null;
  }
  // A team lead can lead the team created next; any other enum takes its first value.
  if (name === 'role' && Array.isArray(schema.enum) && schema.enum.includes('TEAM_LEAD')) {
    return 'TEAM_LEAD';
  }
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (schema.format === 'uuid') return idFor(name, tag);
  if (schema.format === 'date' || /^(date|startDate|endDate|from|to)$/.test(name)) return today;
  if (type === 'integer' || type === 'number') {
    return typeof schema.minimum === 'number'
      ? Math.max(schema.minimum, name === 'year' ? 2031 : 1)
      : 1;
  }
  if (type === 'boolean') return false;
  if (type === 'array') {
    const items = (schema.items ?? {}) as Json;
    return [sample(name, items, tag)];
  }
  if (type === 'object')
    return objectSample(
      (schema.properties ?? {}) as Record<string, Json>,
      new Set((schema.required as string[]) ?? []),
      tag,
    );
  if (name === 'email') return `person-${counter}-${Date.now().toString(36)}@example.test`;
  if (name === 'timezone') return 'Europe/Berlin';
  if (name === 'windowStart') return '06:00';
  if (name === 'windowEnd') return '10:00';
  if (name === 'password') return 'a-long-enough-password-1';
  if (name === 'cursor' || name === 'search' || name === 'job') return undefined;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 1;
  return `Sample ${name} ${counter}`.padEnd(minLength, '.');
}

function objectSample(properties: Record<string, Json>, required: Set<string>, tag: string): Json {
  const value: Json = {};
  for (const [name, schema] of Object.entries(properties)) {
    // Required fields always; optional ids too, when one is known (filters, assignments).
    const optionalId = schema.format === 'uuid' && ids[name] !== undefined && name !== 'cursor';
    if (!required.has(name) && !optionalId) continue;
    const generated = sample(name, schema, tag);
    if (generated !== undefined) value[name] = generated;
  }
  return value;
}

/** Creations first (they supply ids), then reads, then changes, then deactivations. */
function rank(operation: Operation): number {
  const name = operation.operationId.split('.')[1] ?? '';
  if (/^(create|record|submit)$/.test(name))
    return operation.operationId.startsWith('people') ? 1 : 2;
  if (operation.method === 'get') return 3;
  if (/^(deactivate|cancel|cancelTransfer|revoke)$/.test(name)) return 5;
  return 4;
}

function harvest(tag: string, body: unknown): void {
  if (typeof body !== 'object' || body === null) return;
  const field = ID_FIELD_BY_TAG[tag];
  const record = body as Json;
  if (field && typeof record.id === 'string') ids[field] = [...(ids[field] ?? []), record.id];
  for (const nested of ['person', 'team', 'holiday', 'leave', 'item']) {
    if (typeof record[nested] === 'object') harvest(tag, record[nested]);
  }
  if (Array.isArray(record.items) && record.items[0]) harvest(tag, record.items[0]);
}

async function call(operation: Operation, authorization: string | null): Promise<Response> {
  const tag = operation.operationId.split('.')[0] ?? '';
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const url = new URL(operation.path, server.url);
  if (operation.method === 'get') {
    for (const parameter of operation.parameters ?? []) {
      const known = parameter.schema.format === 'uuid' && ids[parameter.name] !== undefined;
      if (!parameter.required && !known) continue;
      const value = sample(parameter.name, parameter.schema, tag);
      if (value !== undefined) url.searchParams.set(parameter.name, String(value));
    }
    return fetch(url, { headers });
  }
  const schema = operation.requestBody?.content['application/json'].schema ?? {};
  const body = objectSample(
    (schema.properties ?? {}) as Record<string, Json>,
    new Set((schema.required as string[]) ?? []),
    tag,
  );
  return fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('OpenAPI document of the API-token surface', () => {
  it('is OpenAPI 3.1 with bearer security and no session-only procedure', () => {
    expect(document.openapi).toBe('3.1.0');
    const ids = operationsOf(document).map((operation) => operation.operationId);
    expect(ids.length).toBeGreaterThan(30);
    expect(ids).toContain('holidays.create');
    expect(ids.filter((id) => /^(auth|profile|apiTokens|live)\./.test(id))).toEqual([]);
  });

  it('answers every documented operation as documented, for a client that has only the document', async () => {
    const operations = operationsOf(document).sort((a, b) => rank(a) - rank(b));
    const errorSchema = z.fromJSONSchema(
      ((document.components as Json).schemas as Record<string, Json>).Error as Json,
    );
    const outcomes: Record<string, number> = {};
    const problems: string[] = [];
    for (const operation of operations) {
      const scoped = /^(incidents|cases)\./.test(operation.operationId) ? whsToken : token;
      const response = await call(operation, `Bearer ${scoped}`);
      const status = String(response.status);
      outcomes[operation.operationId] = response.status;
      const body: unknown = await response.json();
      const documented = operation.responses[status];
      if (!documented) {
        problems.push(`${operation.operationId}: undocumented status ${status}`);
        continue;
      }
      const schema = documented.content?.['application/json'].schema;
      const parsed =
        status === '200' && schema
          ? z.fromJSONSchema(schema).safeParse(body)
          : errorSchema.safeParse(body);
      if (!parsed.success) {
        problems.push(
          `${operation.operationId}: ${status} body does not match the document: ${parsed.error.message.slice(0, 300)}`,
        );
      }
      if (status === '500') problems.push(`${operation.operationId}: 500 ${JSON.stringify(body)}`);
      if (status === '403' && JSON.stringify(body).includes('not available to API tokens')) {
        problems.push(`${operation.operationId}: documented but session-only`);
      }
      if (status === '200') harvest(operation.operationId.split('.')[0] ?? '', body);
    }
    expect(problems).toEqual([]);
    expect(Object.keys(outcomes).sort()).toEqual(operations.map((o) => o.operationId).sort());
    // The core of an integration works end to end through the REST mapping.
    for (const id of [
      'company.get',
      'holidays.create',
      'holidays.list',
      'people.create',
      'people.list',
      'teams.create',
      'teams.list',
      'people.get',
    ]) {
      expect({ id, status: outcomes[id] }).toEqual({ id, status: 200 });
    }
    const succeeded = Object.values(outcomes).filter((status) => status === 200).length;
    expect(succeeded).toBeGreaterThanOrEqual(Math.floor(operations.length * 0.6));
  }, 60_000);

  it('refuses a call without a token with a documented 401, and a malformed body with 400', async () => {
    const holidays = operationsOf(document).find((o) => o.operationId === 'holidays.list');
    if (!holidays) throw new Error('holidays.list is not documented');
    const anonymous = await call(holidays, null);
    expect(anonymous.status).toBe(401);
    expect(holidays.responses['401']).toBeDefined();
    const broken = await fetch(new URL('/api/v1/holidays/create', server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(broken.status).toBe(400);
  });

  it('serves the same procedure as tRPC: a holiday created over REST is listed over tRPC', async () => {
    const created = await fetch(new URL('/api/v1/holidays/create', server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ date: '2032-05-05', name: 'REST Day' }),
    });
    expect(created.status).toBe(200);
    const listed = await fetch(
      `${server.url}/trpc/holidays.list?input=${encodeURIComponent(JSON.stringify({ year: 2032 }))}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(JSON.stringify(await listed.json())).toContain('REST Day');
  });
});
