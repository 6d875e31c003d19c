import { randomUUID } from 'node:crypto';
import { createDb, event, executeCommand } from '@aegira/db';
import type { Role } from '@aegira/events';
import { TRPCError } from '@trpc/server';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE } from '../../../../packages/db/src/server/database.ts';
import { referenceFailureError } from '../../src/errors/reference-failure.ts';
import type { ApiDeps } from '../../src/trpc/context.ts';
import { type TestApi, TestClient, useTestApi } from '../../test-support/api-harness.ts';
import { buildMatrixWorld, type MatrixWorld } from '../../test-support/matrix-world.ts';
import { PERMISSION_MATRIX } from '../../test-support/permission-matrix.ts';
import { tableRows } from '../../test-support/replay-check.ts';
import {
  enrichWorld,
  idsOfCompany,
  procedureAt,
  proceduresOfType,
  ROLES,
  responseText,
  roleClients,
  totalEvents,
} from '../../test-support/tenant-world.ts';

// Tenant isolation (resilience cases TI-1…TI-9, and AT-3: queries have no side effects).
// Two companies built as the permission matrix builds one, B given more than A sees.

let api: TestApi;
let owner: pg.Client;
let app: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

let a: MatrixWorld;
let b: MatrixWorld;
let aClients: Record<Role, TestClient>;
let bIds: Set<string>;

beforeAll(async () => {
  a = await buildMatrixWorld(api);
  b = await buildMatrixWorld(api);
  await enrichWorld(api, a);
  await enrichWorld(api, b);
  aClients = await roleClients(api, a);
  app = new pg.Client({ connectionString: api.appUrl });
  // Test databases are dropped at the end, which terminates this backend.
  app.on('error', () => undefined);
  await app.connect();
}, 180_000);
afterAll(async () => {
  await app?.end();
});

/** Runs `work` in a transaction on `client`, bound to `companyId` when given, then rolls back. */
async function rolledBack<T>(
  client: pg.Client | pg.PoolClient,
  companyId: string | null,
  work: () => Promise<T>,
): Promise<T> {
  await client.query('BEGIN');
  try {
    if (companyId) await client.query("SELECT set_config('app.company_id', $1, true)", [companyId]);
    return await work();
  } finally {
    await client.query('ROLLBACK');
  }
}

async function sqlState(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof pg.DatabaseError) return error.code ?? 'no code';
    throw error;
  }
  throw new Error('expected the statement to fail');
}

async function companyEvents(companyId: string): Promise<number> {
  const result = await owner.query<{ n: string }>(
    'SELECT count(*) AS n FROM events WHERE company_id = $1',
    [companyId],
  );
  return Number(result.rows[0]?.n ?? 0);
}

/** The tables with a company column, as the migrated schema has them. */
async function tenantTables(): Promise<string[]> {
  const result = await owner.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
       AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                   AND a.attname = 'company_id' AND a.attnum > 0 AND NOT a.attisdropped)
     ORDER BY c.relname`,
  );
  return result.rows.map((row) => row.relname);
}

describe('tenant isolation', () => {
  it('TI-1 / AT-3: every query, called by every role of A, shows nothing of B and appends no event', async () => {
    bIds = await idsOfCompany(owner, b.company.companyId);
    expect(bIds.size).toBeGreaterThan(30);
    const queries = proceduresOfType('query');
    const withoutInput = queries.filter((path) => !PERMISSION_MATRIX[path]);
    expect(withoutInput, 'queries without an input in the permission matrix').toEqual([]);
    expect(queries.length).toBeGreaterThanOrEqual(40);

    const leaks: string[] = [];
    const sideEffects: string[] = [];
    const neverAnswered: string[] = [];
    for (const path of queries) {
      const entry = PERMISSION_MATRIX[path];
      if (!entry) continue;
      let answered = 0;
      for (const role of ROLES) {
        const input = await entry.input(a, api);
        const before = await totalEvents(owner);
        const { ok, text } = await responseText(procedureAt(aClients[role], path)(input));
        const after = await totalEvents(owner);
        if (ok) answered += 1;
        if (after !== before) sideEffects.push(`${path} as ${role}: ${after - before} events`);
        const lower = text.toLowerCase();
        for (const id of bIds) {
          if (lower.includes(id)) leaks.push(`${path} as ${role} returned B's ${id}`);
        }
      }
      if (answered === 0) neverAnswered.push(path);
    }
    expect(leaks).toEqual([]);
    // AT-3: a query (reachable by GET, so by CSRF) never writes.
    expect(sideEffects).toEqual([]);
    // Plausible inputs: every query answered at least one role, so each was really exercised.
    expect(neverAnswered).toEqual([]);
  }, 300_000);

  it("TI-2: A's admin gets NOT_FOUND (never FORBIDDEN) for every procedure given B's ids, and B is unchanged", async () => {
    // Every procedure the matrix says another company's admin does not find.
    const targets = Object.entries(PERMISSION_MATRIX).filter(
      ([, entry]) => entry.expect.foreignAdmin === 'NOT_FOUND',
    );
    expect(targets.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        'people.get',
        'people.update',
        'people.deactivate',
        'teams.get',
        'teams.update',
        'teams.deactivate',
        'holidays.update',
        'holidays.deactivate',
        'checkIn.get',
      ]),
    );
    const admin = aClients.ADMIN;
    const seen: Record<string, string> = {};
    for (const [path, entry] of targets) {
      const input = await entry.input(b, api);
      const eventsBefore = await companyEvents(b.company.companyId);
      const rowsBefore = await bEntityRows();
      try {
        await procedureAt(admin, path)(input);
        seen[path] = 'ok';
      } catch (error) {
        if (!(error instanceof TRPCError)) throw error;
        seen[path] = error.code;
      }
      expect(await companyEvents(b.company.companyId), `${path} changed B's log`).toBe(
        eventsBefore,
      );
      expect(await bEntityRows(), `${path} changed B's rows`).toEqual(rowsBefore);
    }
    expect(seen).toEqual(Object.fromEntries(targets.map(([path]) => [path, 'NOT_FOUND'])));
  }, 120_000);

  it('TI-3: the app role with no company bound sees 0 rows of every tenant table and may insert none (42501)', async () => {
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThanOrEqual(12);
    const readable = await owner.query<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relname = ANY($1::text[])
       AND relnamespace = 'public'::regnamespace AND has_table_privilege($2, oid, 'SELECT')`,
      [tables, APP_ROLE],
    );
    expect(readable.rows.length).toBeGreaterThanOrEqual(12);
    const visible: Record<string, number> = {};
    for (const { relname } of readable.rows) {
      const rows = await rolledBack(app, null, () => app.query(`SELECT * FROM "${relname}"`));
      visible[relname] = rows.rowCount ?? 0;
    }
    expect(visible).toEqual(Object.fromEntries(readable.rows.map((row) => [row.relname, 0])));
    // The rows exist: the owner, past row-level security, sees them.
    const persons = await owner.query('SELECT 1 FROM persons LIMIT 1');
    expect(persons.rowCount).toBe(1);

    const insertEvent = rolledBack(app, null, () =>
      app.query(
        `INSERT INTO events (id, company_id, type, entity_type, entity_id, payload, schema_version)
         VALUES ($1, $2, 'HOLIDAY_CREATED', 'holiday', $1, '{}', 1)`,
        [randomUUID(), a.company.companyId],
      ),
    );
    expect(await sqlState(insertEvent)).toBe('42501');
    const insertHoliday = rolledBack(app, null, () =>
      app.query(
        `INSERT INTO holidays (id, company_id, date, name, event_id, updated_at)
         VALUES ($1, $2, '2030-01-01', 'Unbound', $3, now())`,
        [randomUUID(), a.company.companyId, randomUUID()],
      ),
    );
    expect(await sqlState(insertHoliday)).toBe('42501');
  });

  it('TI-4: bound to A, writing company_id = B or moving a row from A to B fails WITH CHECK', async () => {
    const aId = a.company.companyId;
    const bId = b.company.companyId;
    const intoB = rolledBack(app, aId, () =>
      app.query(
        `INSERT INTO events (id, company_id, type, entity_type, entity_id, payload, schema_version)
         VALUES ($1, $2, 'HOLIDAY_CREATED', 'holiday', $1, '{}', 1)`,
        [randomUUID(), bId],
      ),
    );
    expect(await sqlState(intoB)).toBe('42501');
    const moved = rolledBack(app, aId, async () => {
      const eventId = randomUUID();
      await app.query(
        `INSERT INTO events (id, company_id, type, entity_type, entity_id, payload, schema_version)
         VALUES ($1, $2, 'HOLIDAY_UPDATED', 'holiday', $3, '{}', 1)`,
        [eventId, aId, a.holidayId],
      );
      return app.query('UPDATE holidays SET company_id = $1, event_id = $2 WHERE id = $3', [
        bId,
        eventId,
        a.holidayId,
      ]);
    });
    expect(await sqlState(moved)).toBe('42501');
    const stayed = await owner.query<{ company_id: string }>(
      'SELECT company_id FROM holidays WHERE id = $1',
      [a.holidayId],
    );
    expect(stayed.rows).toEqual([{ company_id: aId }]);
  });

  it('TI-5: every company table forces row-level security under a policy; the app role owns nothing and bypasses nothing', async () => {
    const tables = await tenantTables();
    expect(tables).toContain('events');
    const catalog = await owner.query<{
      relname: string;
      rls: boolean;
      forced: boolean;
      policies: number;
      owned_by_app: boolean;
    }>(
      `SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
              pg_get_userbyid(c.relowner) = $2 AS owned_by_app
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1::text[])`,
      [tables, APP_ROLE],
    );
    const problems = catalog.rows.flatMap((row) => [
      ...(row.rls ? [] : [`${row.relname}: RLS not enabled`]),
      ...(row.forced ? [] : [`${row.relname}: RLS not forced`]),
      ...(row.policies > 0 ? [] : [`${row.relname}: no policy`]),
      ...(row.owned_by_app ? [`${row.relname}: owned by the app role`] : []),
    ]);
    expect(problems).toEqual([]);
    expect(catalog.rows.length).toBe(tables.length);

    const role = await owner.query(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
      [APP_ROLE],
    );
    expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    const ownsAnything = await owner.query(
      `SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)`,
      [APP_ROLE],
    );
    expect(ownsAnything.rows).toEqual([]);
    const bypass = await owner.query(
      `SELECT tablename, policyname FROM pg_policies
       WHERE coalesce(qual, '') ILIKE '%bypass%' OR coalesce(with_check, '') ILIKE '%bypass%'`,
    );
    expect(bypass.rows).toEqual([]);
  });

  it('TI-6: on a pool of one connection, a request with no tenant after A sees 0 rows without a cast error, and B never sees A', async () => {
    const pool = new pg.Pool({ connectionString: api.appUrl, max: 1 });
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      let backend: number | undefined;
      try {
        const pid = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        backend = pid.rows[0]?.pid;
        await client.query('BEGIN');
        await client.query("SELECT set_config('app.company_id', $1, true)", [a.company.companyId]);
        const aPersons = await client.query('SELECT id FROM persons');
        expect(aPersons.rowCount).toBeGreaterThan(3);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      // The same backend, its setting now '' rather than unset: NULLIF keeps the cast from failing.
      const setting = await pool.query<{ pid: number; setting: string | null }>(
        "SELECT pg_backend_pid() AS pid, current_setting('app.company_id', true) AS setting",
      );
      expect(setting.rows[0]?.pid).toBe(backend);
      expect(setting.rows[0]?.setting ?? '').toBe('');
      const unbound = await pool.query('SELECT id FROM persons');
      expect(unbound.rowCount).toBe(0);
      const bClient = await pool.connect();
      try {
        const rows = await rolledBack(bClient, b.company.companyId, () =>
          bClient.query<{ company_id: string; pid: number }>(
            'SELECT company_id, pg_backend_pid() AS pid FROM persons',
          ),
        );
        expect(rows.rowCount).toBeGreaterThan(3);
        expect(new Set(rows.rows.map((row) => row.company_id))).toEqual(
          new Set([b.company.companyId]),
        );
        expect(rows.rows[0]?.pid).toBe(backend);
      } finally {
        bClient.release();
      }
    } finally {
      await pool.end();
    }
  });

  it("TI-8: an entity of A pointing at B's parent or B's event is refused (NOT_FOUND over the API), with no partial rows", async () => {
    const admin = aClients.ADMIN;
    const aId = a.company.companyId;
    const eventsBefore = await companyEvents(aId);
    const teamsBefore = await tableRows(owner, 'teams', aId);
    // Through the API: B's team as the parent of an assignment, B's person as the subject of leave.
    const newcomer = await admin.api.people.create({
      email: `ti8-${randomUUID().slice(0, 8)}@example.test`,
      firstName: 'Ti',
      lastName: 'Eight',
      role: 'WORKER',
      teamId: a.teamId,
      password: 'a-long-enough-password',
    });
    const afterCreate = await companyEvents(aId);
    await expect(
      admin.api.teams.assignMember({ personId: newcomer.id, teamId: b.teamId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      admin.api.leave.record({
        personId: b.accounts.WORKER.id,
        type: 'SICK',
        startDate: '2040-01-05',
        endDate: '2040-01-09',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await companyEvents(aId)).toBe(afterCreate);
    expect(afterCreate).toBeGreaterThan(eventsBefore);

    // Past every service check, straight through the write path: the composite foreign key
    // (company_id, leader_id) refuses B's person as the leader of A's team.
    const teamId = randomUUID();
    const writeBefore = await companyEvents(aId);
    const failure = await executeCommand(api.db, a.company.actor, async () => [
      event('TEAM_CREATED', {
        id: teamId,
        name: `Cross ${teamId.slice(0, 8)}`,
        description: null,
        leaderId: b.accounts.TEAM_LEAD.id,
        supervisorId: null,
        windowStart: '06:00',
        windowEnd: '10:00',
        workDays: [1, 2, 3, 4, 5],
      }),
    ]).then(
      () => undefined,
      (error: unknown) => error,
    );
    // What a procedure answers for it (the error middleware's mapping): NOT_FOUND, generic.
    const answered = referenceFailureError(failure);
    expect(answered?.code).toBe('NOT_FOUND');
    expect(answered?.message).not.toMatch(/fk|constraint|teams|leader|sql|23503/i);
    expect(await companyEvents(aId)).toBe(writeBefore);
    expect(await tableRows(owner, 'teams', aId)).toEqual(teamsBefore);

    // Raw SQL as the app role: A's row naming B's event (the composite FK with company_id).
    const bEvent = await owner.query<{ id: string }>(
      'SELECT id FROM events WHERE company_id = $1 LIMIT 1',
      [b.company.companyId],
    );
    const foreignEvent = rolledBack(app, aId, () =>
      app.query(
        `INSERT INTO holidays (id, company_id, date, name, event_id, updated_at)
         VALUES ($1, $2, '2030-01-01', 'Cross', $3, now())`,
        [randomUUID(), aId, bEvent.rows[0]?.id],
      ),
    );
    expect(['23503', 'P0001']).toContain(await sqlState(foreignEvent));
  });

  it('TI-9: 200 interleaved requests of A and B over a pool of 2 each see only their own tenant', async () => {
    const db = createDb(api.appUrl, { maxConnections: 2 });
    try {
      const deps: ApiDeps = { ...api.deps, db };
      const clientOf = (world: MatrixWorld) => {
        const client = new TestClient(deps);
        const admin = world.company.admin;
        client.token = admin.token;
        return client;
      };
      const tenants = [
        { world: a, client: clientOf(a), ids: await idsOfCompany(owner, a.company.companyId) },
        { world: b, client: clientOf(b), ids: await idsOfCompany(owner, b.company.companyId) },
      ];
      const mixed: string[] = [];
      await Promise.all(
        Array.from({ length: 200 }, async (_, index) => {
          const tenant = tenants[index % 2];
          const other = tenants[(index + 1) % 2];
          if (!tenant || !other) return;
          const kind = Math.floor(index / 2) % 3;
          const result = await retryingBusy<unknown>(() =>
            kind === 0
              ? tenant.client.api.company.get()
              : kind === 1
                ? tenant.client.api.people.list({})
                : tenant.client.api.auth.me(),
          );
          const text = JSON.stringify(result).toLowerCase();
          if (kind === 0 && !text.includes(tenant.world.company.companyId)) {
            mixed.push(`request ${index}: company.get is not the token's company`);
          }
          if (kind === 2 && !text.includes(tenant.world.company.companyId)) {
            mixed.push(`request ${index}: auth.me is not the token's company`);
          }
          for (const id of other.ids) {
            if (text.includes(id)) mixed.push(`request ${index} saw the other tenant's ${id}`);
          }
        }),
      );
      expect(mixed).toEqual([]);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});

/**
 * Two connections for 200 requests: some wait longer for a transaction than the server lets
 * them and are refused as busy (retryable). The SDK retries those; so does this client.
 */
async function retryingBusy<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const busy =
        error instanceof TRPCError &&
        (error.code === 'SERVICE_UNAVAILABLE' || error.code === 'TIMEOUT');
      if (!busy || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
    }
  }
}

async function bEntityRows() {
  const companyId = b.company.companyId;
  return {
    persons: await tableRows(owner, 'persons', companyId),
    teams: await tableRows(owner, 'teams', companyId),
    holidays: await tableRows(owner, 'holidays', companyId),
    check_ins: await tableRows(owner, 'check_ins', companyId),
    leaves: await tableRows(owner, 'leaves', companyId),
    incidents: await tableRows(owner, 'incidents', companyId),
    cases: await tableRows(owner, 'cases', companyId),
    api_tokens: await tableRows(owner, 'api_tokens', companyId),
  };
}
