import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/trpc/router.ts';
import { createTestApi, type TestApi, type TestClient } from '../test-support/api-harness.ts';
import {
  buildMatrixWorld,
  type MatrixWorld,
  type TokenScope,
} from '../test-support/matrix-world.ts';
import {
  type Caller,
  type Outcome,
  PERMISSION_MATRIX,
  tokenExpectation,
} from '../test-support/permission-matrix.ts';

let api: TestApi;
let world: MatrixWorld;
beforeAll(async () => {
  api = await createTestApi();
  world = await buildMatrixWorld(api);
});
afterAll(async () => {
  await api?.close();
});

const CALLERS: Caller[] = [
  'anonymous',
  'ADMIN',
  'WHS',
  'SUPERVISOR',
  'TEAM_LEAD',
  'WORKER',
  'foreignAdmin',
];
const TOKEN_SCOPES: TokenScope[] = ['READ_ONLY', 'WHS', 'ADMIN'];

async function clientFor(caller: Caller): Promise<TestClient> {
  if (caller === 'anonymous') return api.client();
  const account = caller === 'foreignAdmin' ? world.foreignAdmin : world.accounts[caller];
  const client = api.client();
  await client.api.auth.login({
    company: account.company,
    email: account.email,
    password: account.password,
  });
  return client;
}

function procedureAt(client: TestClient, path: string): (input: unknown) => Promise<unknown> {
  let target: unknown = client.api;
  for (const part of path.split('.')) {
    target = (target as Record<string, unknown>)[part];
  }
  return target as (input: unknown) => Promise<unknown>;
}

/** What the caller experienced; an unexpected server error fails the test outright. */
async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    switch (error.code) {
      case 'FORBIDDEN':
      case 'NOT_FOUND':
      case 'UNAUTHORIZED':
        return error.code;
      case 'INTERNAL_SERVER_ERROR':
        throw error;
      default:
        return 'rejected';
    }
  }
}

describe('permission matrix', () => {
  it('has an entry for every procedure of the router, and none for procedures that do not exist', () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(PERMISSION_MATRIX).sort()).toEqual(procedures);
  });

  for (const [path, entry] of Object.entries(PERMISSION_MATRIX)) {
    it(`${path}: ${CALLERS.map((caller) => `${caller}=${entry.expect[caller]}`).join(' ')}`, async () => {
      const seen: Record<string, Outcome> = {};
      for (const caller of CALLERS) {
        const client = await clientFor(caller);
        const input = await entry.input(world, api);
        seen[caller] = await outcomeOf(procedureAt(client, path)(input));
      }
      expect(seen).toEqual(entry.expect);
    });
  }
});

type ProcedureType = 'query' | 'mutation' | 'subscription';

function hasProcedureType(value: unknown): value is { _def: { type: ProcedureType } } {
  // Procedures are callable objects.
  return (
    (typeof value === 'function' || typeof value === 'object') && value !== null && '_def' in value
  );
}

/** The flat path → procedure map tRPC keeps at run time. */
function procedureType(path: string): ProcedureType {
  const procedures: Record<string, unknown> = appRouter._def.procedures;
  const procedure = procedures[path];
  if (!hasProcedureType(procedure)) throw new Error(`no procedure ${path}`);
  return procedure._def.type;
}

describe('permission matrix for API tokens (per scope)', () => {
  for (const [path, entry] of Object.entries(PERMISSION_MATRIX)) {
    const type = procedureType(path);
    const expected = Object.fromEntries(
      TOKEN_SCOPES.map((scope) => [scope, tokenExpectation(entry, type, scope)]),
    );
    it(`${path}: ${TOKEN_SCOPES.map((scope) => `${scope}=${expected[scope]}`).join(' ')}`, async () => {
      const seen: Record<string, Outcome> = {};
      for (const scope of TOKEN_SCOPES) {
        const client = api.client();
        client.bearer = world.tokens[scope];
        const input = await entry.input(world, api);
        seen[scope] = await outcomeOf(procedureAt(client, path)(input));
      }
      expect(seen).toEqual(expected);
    });
  }
});
