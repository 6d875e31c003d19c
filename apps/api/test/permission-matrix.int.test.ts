import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/trpc/router.ts';
import { createTestApi, type TestApi, type TestClient } from '../test-support/api-harness.ts';
import { buildMatrixWorld, type MatrixWorld } from '../test-support/matrix-world.ts';
import { type Caller, type Outcome, PERMISSION_MATRIX } from '../test-support/permission-matrix.ts';

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

async function clientFor(caller: Caller): Promise<TestClient> {
  if (caller === 'anonymous') return api.client();
  const account = caller === 'foreignAdmin' ? world.foreignAdmin : world.accounts[caller];
  const client = api.client();
  await client.api.auth.login({ email: account.email, password: account.password });
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
