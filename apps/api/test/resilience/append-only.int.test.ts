import { randomUUID } from 'node:crypto';
import { type ReadTx, withTenant } from '@aegira/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, useTestApi } from '../../test-support/api-harness.ts';
import { type CompanyFixture, companyFixture, teamFixture } from '../../test-support/fixtures.ts';

// Append-only and tamper evidence (resilience cases AO-1…AO-5). AO-6 and AO-7, the hash
// chain, are in packages/db/src/audit-chain/audit-chain.int.test.ts, named by their ids.

let api: TestApi;
let owner: pg.Client;
let app: pg.Client;
let company: CompanyFixture;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

beforeAll(async () => {
  company = await companyFixture(api);
  app = new pg.Client({ connectionString: api.appUrl });
  // Test databases are dropped at the end, which terminates this backend.
  app.on('error', () => undefined);
  await app.connect();
});
afterAll(async () => {
  await app?.end();
});

/** Runs `sql` in a transaction (bound to the company, replica mode when asked) that is rolled back. */
async function refusal(
  client: pg.Client,
  sql: string,
  options: { companyId?: string; replica?: boolean } = {},
): Promise<{ code: string | undefined; message: string }> {
  await client.query('BEGIN');
  try {
    if (options.companyId) {
      await client.query("SELECT set_config('app.company_id', $1, true)", [options.companyId]);
    }
    if (options.replica) await client.query('SET LOCAL session_replication_role = replica');
    await client.query(sql);
  } catch (error) {
    if (!(error instanceof pg.DatabaseError)) throw error;
    return { code: error.code, message: error.message };
  } finally {
    await client.query('ROLLBACK');
  }
  throw new Error(`expected "${sql}" to be refused`);
}

async function eventCount(): Promise<number> {
  const result = await owner.query<{ n: string }>('SELECT count(*) AS n FROM events');
  return Number(result.rows[0]?.n ?? 0);
}

async function entityTables(): Promise<string[]> {
  const result = await owner.query<{ table_name: string }>(
    `SELECT table_name FROM app_table_registry WHERE kind = 'entity' ORDER BY table_name`,
  );
  return result.rows.map((row) => row.table_name);
}

describe('append-only log', () => {
  it('AO-1: the app role may not UPDATE, DELETE or TRUNCATE events, nor DELETE or TRUNCATE any entity table (42501)', async () => {
    const before = await eventCount();
    const companyId = company.companyId;
    const statements = [
      "UPDATE events SET payload = '{}'",
      'DELETE FROM events',
      'TRUNCATE events',
    ];
    const tables = await entityTables();
    expect(tables.length).toBeGreaterThanOrEqual(10);
    for (const table of tables) {
      statements.push(`DELETE FROM "${table}"`, `TRUNCATE "${table}"`);
    }
    const seen: Record<string, string> = {};
    for (const sql of statements) {
      const refused = await refusal(app, sql, { companyId });
      // Refused by the grants, before any trigger: the app role holds no such privilege.
      seen[sql] =
        `${refused.code} ${/permission denied/.test(refused.message) ? 'permission denied' : refused.message}`;
    }
    expect(seen).toEqual(
      Object.fromEntries(statements.map((sql) => [sql, '42501 permission denied'])),
    );
    expect(await eventCount()).toBe(before);
  });

  it('AO-2: the owner, who holds the privileges, is stopped by the row trigger (UPDATE, DELETE) and the statement trigger (TRUNCATE)', async () => {
    const before = await eventCount();
    const update = await refusal(owner, "UPDATE events SET payload = '{}'");
    const remove = await refusal(owner, 'DELETE FROM events');
    const truncate = await refusal(owner, 'TRUNCATE events CASCADE');
    for (const refused of [update, remove, truncate]) {
      // Raised by the guard trigger (as insufficient_privilege), not by the grants.
      expect(refused.code).toBe('42501');
      expect(refused.message).toMatch(/not allowed/);
      expect(refused.message).not.toMatch(/permission denied/);
    }
    const privileges = await owner.query(
      `SELECT has_table_privilege(current_user, 'events', 'UPDATE') AS can_update,
              has_table_privilege(current_user, 'events', 'DELETE') AS can_delete,
              has_table_privilege(current_user, 'events', 'TRUNCATE') AS can_truncate`,
    );
    expect(privileges.rows).toEqual([{ can_update: true, can_delete: true, can_truncate: true }]);
    const triggers = await owner.query<{
      tgname: string;
      row_level: boolean;
      on_truncate: boolean;
    }>(
      `SELECT tgname, (tgtype & 1) = 1 AS row_level, (tgtype & 32) = 32 AS on_truncate
       FROM pg_trigger WHERE tgrelid = 'events'::regclass AND NOT tgisinternal
         AND tgname IN ('events_append_only', 'events_no_truncate') ORDER BY tgname`,
    );
    expect(triggers.rows).toEqual([
      { tgname: 'events_append_only', row_level: true, on_truncate: false },
      { tgname: 'events_no_truncate', row_level: false, on_truncate: true },
    ]);
    expect(await eventCount()).toBe(before);
  });

  it('AO-3: in session_replication_role = replica the trigger still fires (ENABLE ALWAYS)', async () => {
    const before = await eventCount();
    const update = await refusal(owner, "UPDATE events SET payload = '{}'", { replica: true });
    expect(update.message).toMatch(/not allowed/);
    const remove = await refusal(owner, 'DELETE FROM events', { replica: true });
    expect(remove.message).toMatch(/not allowed/);
    const truncate = await refusal(owner, 'TRUNCATE events CASCADE', { replica: true });
    expect(truncate.message).toMatch(/not allowed/);
    const enabled = await owner.query<{ tgname: string; tgenabled: string }>(
      `SELECT tgname, tgenabled FROM pg_trigger
       WHERE tgrelid = 'events'::regclass AND tgname IN ('events_append_only', 'events_no_truncate')
       ORDER BY tgname`,
    );
    expect(enabled.rows.map((row) => row.tgenabled)).toEqual(['A', 'A']);
    expect(await eventCount()).toBe(before);
  });

  it('AO-4: the tenant-bound client has no event.update/delete/upsert or *Many writes (compile time), and forcing one is refused', async () => {
    // Compiled by `pnpm typecheck`, never run: each directive fails the build the day the line
    // under it type-checks.
    const neverCalled = (tx: ReadTx) => {
      // @ts-expect-error events are append-only
      void tx.event.update({ where: { id: 'e' }, data: { payload: {} } });
      // @ts-expect-error events are never deleted
      void tx.event.delete({ where: { id: 'e' } });
      // @ts-expect-error no upsert either
      void tx.event.upsert({ where: { id: 'e' }, create: {}, update: {} });
      // @ts-expect-error nor the *Many variants
      void tx.event.updateMany({ data: { payload: {} } });
      // @ts-expect-error nor the *Many variants
      void tx.event.deleteMany({});
      // @ts-expect-error nor the *Many variants
      void tx.event.createMany({ data: [] });
      // @ts-expect-error nor the *Many variants
      void tx.event.updateManyAndReturn({ data: { payload: {} } });
    };
    expect(typeof neverCalled).toBe('function');

    // At run time the handle is a Prisma transaction client: code that casts its way past the
    // type reaches the database, which refuses it without changing anything.
    const before = await eventCount();
    type Forced = {
      event: {
        updateMany(args: { data: { payload: object } }): Promise<unknown>;
        deleteMany(args: object): Promise<unknown>;
      };
    };
    await expect(
      withTenant(api.db, company.companyId, (tx) =>
        (tx as unknown as Forced).event.updateMany({ data: { payload: {} } }),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(api.db, company.companyId, (tx) => (tx as unknown as Forced).event.deleteMany({})),
    ).rejects.toThrow();
    expect(await eventCount()).toBe(before);
  });

  it('AO-5: a deactivated person or team keeps its row, inactive, pointing at its *Deactivated event, and leaves the default lists', async () => {
    const admin = company.admin;
    const person = await admin.api.people.create({
      email: `ao5-${randomUUID().slice(0, 8)}@example.test`,
      firstName: 'Ao',
      lastName: 'Five',
      role: 'WHS',
      password: 'a-long-enough-password',
    });
    const team = await teamFixture(api, company);
    expect((await admin.api.people.list({})).items.map((item) => item.id)).toContain(person.id);
    expect((await admin.api.teams.list({})).items.map((item) => item.id)).toContain(team.id);

    await admin.api.people.deactivate({ personId: person.id, reason: 'left the company' });
    await admin.api.teams.deactivate({ id: team.id, reason: 'shift closed' });

    for (const [table, id, type] of [
      ['persons', person.id, 'PERSON_DEACTIVATED'],
      ['teams', team.id, 'TEAM_DEACTIVATED'],
    ] as const) {
      const row = await owner.query<{ is_active: boolean; type: string; entity_id: string }>(
        `SELECT t.is_active, e.type, e.entity_id FROM ${table} t JOIN events e ON e.id = t.event_id
         WHERE t.id = $1`,
        [id],
      );
      expect(row.rows).toEqual([{ is_active: false, type, entity_id: id }]);
    }
    // The team list shows active teams by default; the people list shows everyone unless asked
    // for the active (its schema says so: the People page lists former staff, marked), so its
    // active view is the one that must drop them.
    expect((await admin.api.teams.list({})).items.map((item) => item.id)).not.toContain(team.id);
    expect((await admin.api.teams.list({ active: false })).items.map((item) => item.id)).toContain(
      team.id,
    );
    const active = await admin.api.people.list({ active: true });
    expect(active.items.map((item) => item.id)).not.toContain(person.id);
    const everyone = await admin.api.people.list({});
    expect(everyone.items.find((item) => item.id === person.id)).toMatchObject({ isActive: false });
  });
});
