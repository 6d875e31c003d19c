import type { Role } from '@aegira/events';
import { TRPCError } from '@trpc/server';
import type pg from 'pg';
import { appRouter } from '../src/trpc/router.ts';
import type { TestApi, TestClient } from './api-harness.ts';
import type { Account, MatrixWorld } from './matrix-world.ts';
import { PERMISSION_MATRIX } from './permission-matrix.ts';

// Support for the tenant-isolation and atomicity cases (issue 11): walking the router,
// signing in the matrix accounts, and the ids a company owns.

export type ProcedureType = 'query' | 'mutation' | 'subscription';
export const ROLES: readonly Role[] = ['ADMIN', 'WHS', 'SUPERVISOR', 'TEAM_LEAD', 'WORKER'];

function isProcedure(value: unknown): value is { _def: { type: ProcedureType } } {
  // Procedures are callable objects.
  return (
    (typeof value === 'function' || typeof value === 'object') && value !== null && '_def' in value
  );
}

/** Every procedure path of the router of one type, found at run time (never a hand-written list). */
export function proceduresOfType(type: ProcedureType): string[] {
  const procedures: Record<string, unknown> = appRouter._def.procedures;
  return Object.entries(procedures)
    .filter(([, procedure]) => isProcedure(procedure) && procedure._def.type === type)
    .map(([path]) => path)
    .sort();
}

export function procedureAt(
  client: TestClient,
  path: string,
): (input: unknown) => Promise<unknown> {
  let target: unknown = client.api;
  for (const part of path.split('.')) {
    target = (target as Record<string, unknown>)[part];
  }
  return target as (input: unknown) => Promise<unknown>;
}

export async function signedIn(api: TestApi, account: Account): Promise<TestClient> {
  const client = api.client();
  await client.api.auth.login({
    company: account.company,
    email: account.email,
    password: account.password,
  });
  return client;
}

export async function roleClients(
  api: TestApi,
  world: MatrixWorld,
): Promise<Record<Role, TestClient>> {
  const entries = await Promise.all(
    ROLES.map(async (role) => [role, await signedIn(api, world.accounts[role])] as const),
  );
  return Object.fromEntries(entries) as Record<Role, TestClient>;
}

/**
 * Gives a company more than the matrix world has: a case (incident approved), leave, a
 * missed check-in and an alert, through the same inputs the permission matrix builds.
 */
export async function enrichWorld(api: TestApi, world: MatrixWorld): Promise<void> {
  for (const path of [
    'cases.get',
    'leave.cancel',
    'missedCheckIns.excuse',
    'alerts.recordCountermeasure',
  ]) {
    const entry = PERMISSION_MATRIX[path];
    if (!entry) throw new Error(`no matrix entry for ${path}`);
    await entry.input(world, api);
  }
}

/** Every id a company owns, in every table with a company column, and its events' ids. */
export async function idsOfCompany(owner: pg.Client, companyId: string): Promise<Set<string>> {
  const tables = await owner.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
     WHERE c.table_schema = 'public' AND c.column_name = 'company_id'
       AND EXISTS (SELECT 1 FROM information_schema.columns i
                   WHERE i.table_schema = 'public' AND i.table_name = c.table_name AND i.column_name = 'id')
       AND EXISTS (SELECT 1 FROM information_schema.tables t
                   WHERE t.table_schema = 'public' AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE')`,
  );
  const ids = new Set<string>([companyId]);
  for (const { table_name } of tables.rows) {
    const rows = await owner.query<{ id: string }>(
      `SELECT id::text AS id FROM "${table_name}" WHERE company_id = $1`,
      [companyId],
    );
    for (const row of rows.rows) ids.add(row.id.toLowerCase());
  }
  return ids;
}

export async function totalEvents(owner: pg.Client): Promise<number> {
  const result = await owner.query<{ n: string }>('SELECT count(*) AS n FROM events');
  return Number(result.rows[0]?.n ?? 0);
}

/** A success or a tRPC refusal, as the text a client would receive; anything else is thrown. */
export async function responseText(call: Promise<unknown>): Promise<{ ok: boolean; text: string }> {
  try {
    return { ok: true, text: JSON.stringify((await call) ?? null) };
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
    return { ok: false, text: `${error.code} ${error.message}` };
  }
}
