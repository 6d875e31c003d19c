import { randomUUID } from 'node:crypto';
import { EVENT_TYPES } from '@aegira/events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../test-support/fresh-database.ts';
import { createDb, type Db } from './client.ts';
import { projectCompanyCreated, projectPersonCreated } from './projections/index.ts';
import { withTenant } from './tenant.ts';
import { executeCommand } from './write-path.ts';

let database: FreshDatabase;
let db: Db;
let owner: pg.Client;
let app: pg.Client;

beforeAll(async () => {
  database = await createFreshDatabase();
  db = createDb(database.appUrl);
  owner = new pg.Client({ connectionString: database.ownerUrl });
  app = new pg.Client({ connectionString: database.appUrl });
  await Promise.all([owner.connect(), app.connect()]);
});
afterAll(async () => {
  await Promise.all([owner?.end(), app?.end()]);
  await db?.$disconnect();
  await database?.drop();
});

/** A company and its admin made through the write path, as sign-up does. */
async function makeCompany(name = 'Acme') {
  const companyId = randomUUID();
  const adminId = randomUUID();
  await executeCommand(
    db,
    { companyId, actorId: adminId },
    {
      type: 'COMPANY_CREATED',
      entityId: companyId,
      payload: {
        id: companyId,
        name,
        slug: `${name.toLowerCase()}-${companyId.slice(0, 8)}`,
        timezone: 'UTC',
      },
    },
    async (scope) => {
      await projectCompanyCreated(scope.tx, scope.event);
      const personEvent = await scope.append({
        type: 'PERSON_CREATED',
        entityId: adminId,
        payload: {
          id: adminId,
          email: `admin-${adminId}@example.test`,
          firstName: 'A',
          lastName: 'B',
          phone: null,
          windowStart: null,
          windowEnd: null,
          workDays: [],
          role: 'ADMIN',
          passwordHash: 'not-a-real-hash',
          teamId: null,
          teamAssignedOn: null,
        },
      });
      await projectPersonCreated(scope.tx, personEvent);
    },
  );
  return { companyId, adminId };
}

async function count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const result = await owner.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return Number(result.rows[0]?.n);
}

describe('the write path', () => {
  it('appends the event first and links the entity to it', async () => {
    const { companyId, adminId } = await makeCompany();
    const events = await owner.query<{ id: string; type: string; position: string; tx_id: string }>(
      'SELECT id, type, position, tx_id FROM events WHERE company_id = $1 ORDER BY position',
      [companyId],
    );
    expect(events.rows.map((row) => row.type)).toEqual(['COMPANY_CREATED', 'PERSON_CREATED']);
    // Both events were written by the same transaction.
    expect(events.rows[0]?.tx_id).toBe(events.rows[1]?.tx_id);
    const company = await owner.query<{ event_id: string }>(
      'SELECT event_id FROM companies WHERE id = $1',
      [companyId],
    );
    const person = await owner.query<{ event_id: string }>(
      'SELECT event_id FROM persons WHERE id = $1',
      [adminId],
    );
    expect(company.rows[0]?.event_id).toBe(events.rows[0]?.id);
    expect(person.rows[0]?.event_id).toBe(events.rows[1]?.id);
  });

  it('rolls back the event when the entity write fails', async () => {
    const { companyId, adminId } = await makeCompany();
    const before = await count('events');
    const teamId = randomUUID();
    await expect(
      executeCommand(
        db,
        { companyId, actorId: adminId },
        {
          type: 'TEAM_CREATED',
          entityId: teamId,
          payload: {
            id: teamId,
            name: 'Doomed',
            description: null,
            leaderId: adminId,
            supervisorId: null,
            windowStart: '06:00',
            windowEnd: '10:00',
            workDays: [1],
          },
        },
        async ({ tx, event }) => {
          // End before start violates the database's check: the whole command must vanish.
          await tx.team.create({
            data: {
              id: teamId,
              companyId,
              name: 'Doomed',
              leaderId: adminId,
              windowStart: '10:00',
              windowEnd: '06:00',
              eventId: event.id,
            },
          });
        },
      ),
    ).rejects.toThrow();
    expect(await count('events')).toBe(before);
    expect(await count('teams', 'id = $1', [teamId])).toBe(0);
  });

  it('refuses an invalid payload before anything is written', async () => {
    const { companyId, adminId } = await makeCompany();
    const before = await count('events');
    let applied = false;
    await expect(
      executeCommand(
        db,
        { companyId, actorId: adminId },
        // Cast on purpose: simulates a caller that bypasses the types.
        { type: 'PERSON_REACTIVATED', entityId: adminId, payload: { id: 'not-a-uuid' } },
        async () => {
          applied = true;
        },
      ),
    ).rejects.toThrow(/Invalid PERSON_REACTIVATED payload: id/);
    expect(applied).toBe(false);
    expect(await count('events')).toBe(before);
  });

  it('knows exactly the event types of packages/events, so the database refuses any other', async () => {
    const result = await owner.query<{ value: string }>(
      'SELECT unnest(enum_range(NULL::"EventType"))::text AS value',
    );
    expect(result.rows.map((row) => row.value).sort()).toEqual([...EVENT_TYPES].sort());
  });
});

describe('row-level security (as the application role)', () => {
  it('shows nothing and accepts nothing when no company is bound', async () => {
    await makeCompany();
    for (const table of ['companies', 'persons', 'events', 'audit_logs', 'teams']) {
      const result = await app.query(`SELECT * FROM ${table}`);
      expect(result.rowCount, table).toBe(0);
    }
    await expect(
      app.query(
        "INSERT INTO events (id, company_id, type, entity_type, entity_id, payload, schema_version) VALUES ($1, $2, 'PERSON_REACTIVATED', 'person', $3, '{}', 1)",
        [randomUUID(), randomUUID(), randomUUID()],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('keeps company A from reading or writing company B', async () => {
    const a = await makeCompany('Alpha');
    const b = await makeCompany('Beta');
    const seenByA = await withTenant(db, a.companyId, async (tx) => ({
      persons: await tx.person.findMany(),
      events: await tx.event.findMany(),
      bPerson: await tx.person.findUnique({ where: { id: b.adminId } }),
    }));
    expect(seenByA.persons.map((person) => person.companyId)).toEqual([a.companyId]);
    expect(seenByA.events.every((event) => event.companyId === a.companyId)).toBe(true);
    expect(seenByA.bPerson).toBeNull();

    const renamed = await withTenant(db, a.companyId, (tx) =>
      tx.person.updateMany({ where: { id: b.adminId }, data: { firstName: 'Hacked' } }),
    );
    expect(renamed.count).toBe(0);
    await expect(
      withTenant(db, a.companyId, (tx) =>
        tx.holiday.create({
          data: {
            id: randomUUID(),
            companyId: b.companyId,
            date: new Date('2026-12-25T00:00:00Z'),
            name: 'Planted',
            eventId: randomUUID(),
          },
        }),
      ),
    ).rejects.toThrow();
    expect(await count('persons', "first_name = 'Hacked'")).toBe(0);
  });

  it('refuses an entity whose event belongs to another company', async () => {
    const a = await makeCompany('Gamma');
    const b = await makeCompany('Delta');
    const bEvent = await owner.query<{ id: string }>(
      'SELECT id FROM events WHERE company_id = $1 LIMIT 1',
      [b.companyId],
    );
    // As the owner (no RLS), only the composite foreign key stands in the way.
    await expect(
      owner.query(
        "INSERT INTO holidays (id, company_id, date, name, event_id, updated_at) VALUES ($1, $2, '2026-12-25', 'Cross', $3, now())",
        [randomUUID(), a.companyId, bEvent.rows[0]?.id],
      ),
    ).rejects.toThrow(/holidays_event_fk/);
  });

  it('enables row-level security on every table that has a company_id', async () => {
    const result = await owner.query<{ table_name: string; rls: boolean }>(`
      SELECT c.relname AS table_name, c.relrowsecurity AS rls
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND (EXISTS (SELECT 1 FROM information_schema.columns col
                     WHERE col.table_schema = 'public' AND col.table_name = c.relname AND col.column_name = 'company_id')
             OR c.relname = 'companies')`);
    expect(result.rows.length).toBeGreaterThanOrEqual(8);
    for (const row of result.rows) expect(row.rls, row.table_name).toBe(true);
  });
});

describe('append-only events and audit rows', () => {
  it.each([
    ['UPDATE', "UPDATE events SET payload = '{}'"],
    ['DELETE', 'DELETE FROM events'],
    ['TRUNCATE', 'TRUNCATE events'],
    ['UPDATE audit', "UPDATE audit_logs SET details = '{}'"],
    ['DELETE audit', 'DELETE FROM audit_logs'],
    ['DELETE person', 'DELETE FROM persons'],
  ])('refuses %s as the application role, even inside its own company', async (_label, sql) => {
    const { companyId } = await makeCompany();
    await app.query('BEGIN');
    try {
      await app.query("SELECT set_config('app.company_id', $1, true)", [companyId]);
      await expect(app.query(sql)).rejects.toThrow(/permission denied|not allowed/);
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events even for the owner (triggers)', async () => {
    await makeCompany();
    const before = await count('events');
    await expect(owner.query("UPDATE events SET payload = '{}'")).rejects.toThrow(/not allowed/);
    await expect(owner.query('DELETE FROM events')).rejects.toThrow(/not allowed/);
    await expect(owner.query('TRUNCATE events CASCADE')).rejects.toThrow(/not allowed/);
    expect(await count('events')).toBe(before);
  });
});
