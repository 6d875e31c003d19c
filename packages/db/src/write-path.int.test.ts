import { randomUUID } from 'node:crypto';
import { EVENT_TYPES } from '@aegira/events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../test-support/fresh-database.ts';
import { createDb, type Db } from './client.ts';
import { transientDatabaseFailure } from './db-errors.ts';
import { type DirectRead, readUnbound } from './direct-reads.ts';
import { installFaults } from './faults/fault-hooks.ts';
import { Prisma } from './generated/prisma/client.ts';
import { readInTenant, withTenant, withTenantDirect } from './tenant.ts';
import { sql, sqlOf } from './transaction-connections.ts';
import { event, executeCommand, executeSqlCommand } from './write-path.ts';

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

/** A person with no team or schedule, the least PERSON_CREATED holds. */
function personCreated(id: string, role: 'ADMIN' | 'WORKER') {
  return event('PERSON_CREATED', {
    id,
    email: `${role.toLowerCase()}-${id}@example.test`,
    firstName: 'A',
    lastName: 'B',
    phone: null,
    windowStart: null,
    windowEnd: null,
    workDays: [],
    role,
    teamId: null,
    teamAssignedOn: null,
    mustChangePassword: false,
  });
}

/** A company and its admin made through the write path, as sign-up does. */
async function makeCompany(name = 'Acme') {
  const companyId = randomUUID();
  const adminId = randomUUID();
  await executeCommand(db, { companyId, actorId: adminId }, async () => ({
    events: [
      event('COMPANY_CREATED', {
        id: companyId,
        name,
        slug: `${name.toLowerCase()}-${companyId.slice(0, 8)}`,
        timezone: 'UTC',
      }),
      personCreated(adminId, 'ADMIN'),
    ],
    credentials: [{ kind: 'password', personId: adminId, passwordHash: 'not-a-real-hash' }],
  }));
  return { companyId, adminId };
}

async function count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const result = await owner.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return Number(result.rows[0]?.n);
}

/** A Db of one connection for `work`: what one statement leaves in the session, the next meets. */
async function onOneConnection(work: (db: Db) => Promise<void>): Promise<void> {
  const oneConnection = createDb(database.appUrl, { maxConnections: 1 });
  try {
    await work(oneConnection);
  } finally {
    await oneConnection.$disconnect();
  }
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

  it('takes an event’s entity from its payload, so the two cannot disagree', async () => {
    const { companyId, adminId } = await makeCompany();
    const decided = {
      ...event('PERSON_UPDATED', { id: adminId, changes: { phone: '+44 20 7946 0000' } }),
      // What a caller of the old API passed beside the payload: now ignored.
      entityId: randomUUID(),
    };
    await executeCommand(db, { companyId, actorId: adminId }, async () => [decided]);
    const stored = await owner.query<{ entity_type: string; entity_id: string }>(
      `SELECT entity_type, entity_id FROM events WHERE company_id = $1 AND type = 'PERSON_UPDATED'`,
      [companyId],
    );
    expect(stored.rows).toEqual([{ entity_type: 'person', entity_id: adminId }]);
  });

  it('refuses an event type no projection applies, and writes nothing', async () => {
    const { companyId, adminId } = await makeCompany();
    const before = await count('events', 'company_id = $1', [companyId]);
    // Every known type has a projection now (incidents and cases since issue 9), so
    // the refusal is shown with a type that exists nowhere but in a caller's cast.
    const unprojected = { type: 'INCIDENT_ARCHIVED', payload: {} } as unknown as ReturnType<
      typeof event<'CASE_NOTE_ADDED'>
    >;
    await expect(
      executeCommand(db, { companyId, actorId: adminId }, async () => [unprojected]),
    ).rejects.toThrow(/No projection applies INCIDENT_ARCHIVED/);
    expect(await count('events', 'company_id = $1', [companyId])).toBe(before);
  });

  it('writes a decision’s credentials beside the log, never into it', async () => {
    const { companyId, adminId } = await makeCompany();
    const credential = await owner.query<{ company_id: string; password_hash: string }>(
      'SELECT company_id, password_hash FROM person_credentials WHERE person_id = $1',
      [adminId],
    );
    expect(credential.rows).toEqual([{ company_id: companyId, password_hash: 'not-a-real-hash' }]);
    const payloads = await owner.query<{ payload: string }>(
      'SELECT payload::text AS payload FROM events WHERE company_id = $1',
      [companyId],
    );
    for (const row of payloads.rows) {
      expect(row.payload).not.toContain('passwordHash');
      expect(row.payload).not.toContain('not-a-real-hash');
    }
  });

  it('rolls back the event when the entity write fails', async () => {
    const { companyId, adminId } = await makeCompany();
    const before = await count('events');
    const teamId = randomUUID();
    await expect(
      executeCommand(db, { companyId, actorId: adminId }, async () => [
        // End before start passes the payload schema but violates the database's
        // check when the projection writes the row: the whole command must vanish.
        event('TEAM_CREATED', {
          id: teamId,
          name: 'Doomed',
          description: null,
          leaderId: adminId,
          supervisorId: null,
          windowStart: '10:00',
          windowEnd: '06:00',
          workDays: [1],
        }),
      ]),
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
        async () => [event('PERSON_REACTIVATED', { id: 'not-a-uuid' })],
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

describe('the company write bulkhead (decision 041)', () => {
  it('runs one company’s writes beyond its slots only as earlier ones finish, while another company writes', async () => {
    const a = await makeCompany('Flood');
    const b = await makeCompany('Quiet');
    const oneSlot = createDb(database.appUrl, { companyWriteSlots: 1 });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let paused = 0;
    const remove = installFaults(oneSlot, {
      afterEventInsert: async () => {
        paused += 1;
        if (paused === 1) await held;
      },
    });
    try {
      const decided: string[] = [];
      const write = (who: string, company: { companyId: string; adminId: string }) =>
        executeCommand(
          oneSlot,
          { companyId: company.companyId, actorId: company.adminId },
          async () => {
            decided.push(who);
            return [personCreated(randomUUID(), 'WORKER')];
          },
        );
      const first = write('a1', a);
      await expect.poll(() => paused).toBe(1);
      const second = write('a2', a);
      // B is not behind A's slot: it commits while A's first write is still open.
      await write('b1', b);
      expect(decided).toEqual(['a1', 'b1']);
      release();
      await Promise.all([first, second]);
      expect(decided).toEqual(['a1', 'b1', 'a2']);
      expect(await count('persons', 'company_id = $1', [a.companyId])).toBe(3);
    } finally {
      release();
      remove();
      await oneSlot.$disconnect();
    }
  });

  it('answers a write that finds no slot within maxWait as busy, and writes nothing for it', async () => {
    const a = await makeCompany('Saturated');
    const oneSlot = createDb(database.appUrl, {
      companyWriteSlots: 1,
      transaction: { maxWait: 1_500 },
    });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const remove = installFaults(oneSlot, { afterEventInsert: () => held });
    try {
      const actor = { companyId: a.companyId, actorId: a.adminId };
      const first = executeCommand(oneSlot, actor, async () => [
        personCreated(randomUUID(), 'WORKER'),
      ]);
      const late = executeCommand(oneSlot, actor, async () => [
        personCreated(randomUUID(), 'WORKER'),
      ]);
      const error = await late.catch((caught: unknown) => caught);
      expect(transientDatabaseFailure(error)).toBe('busy');
      release();
      await first;
      expect(await count('persons', 'company_id = $1', [a.companyId])).toBe(2);
    } finally {
      release();
      remove();
      await oneSlot.$disconnect();
    }
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
    const seenByA = await withTenant(db, a.companyId, async (read) => ({
      persons: await read.person.findMany(),
      events: await read.event.findMany(),
      bPerson: await read.person.findUnique({ where: { id: b.adminId } }),
    }));
    expect(seenByA.persons.map((person) => person.companyId)).toEqual([a.companyId]);
    expect(seenByA.events.every((event) => event.companyId === a.companyId)).toBe(true);
    expect(seenByA.bPerson).toBeNull();

    // Writes as the application role, bound to A: B's rows are invisible to
    // an update and refused to an insert.
    await app.query('BEGIN');
    try {
      await app.query("SELECT set_config('app.company_id', $1, true)", [a.companyId]);
      const renamed = await app.query("UPDATE persons SET first_name = 'Hacked' WHERE id = $1", [
        b.adminId,
      ]);
      expect(renamed.rowCount).toBe(0);
      await expect(
        app.query(
          "INSERT INTO holidays (id, company_id, date, name, event_id, updated_at) VALUES ($1, $2, '2026-12-25', 'Planted', $3, now())",
          [randomUUID(), b.companyId, randomUUID()],
        ),
      ).rejects.toThrow();
    } finally {
      await app.query('ROLLBACK');
    }
    expect(await count('persons', "first_name = 'Hacked'")).toBe(0);
    expect(await count('holidays', "name = 'Planted'")).toBe(0);
  });

  it('refuses an entity whose event belongs to another company', async () => {
    const a = await makeCompany('Gamma');
    const b = await makeCompany('Delta');
    const bEvent = await owner.query<{ id: string }>(
      'SELECT id FROM events WHERE company_id = $1 LIMIT 1',
      [b.companyId],
    );
    const insert = () =>
      owner.query(
        "INSERT INTO holidays (id, company_id, date, name, event_id, updated_at) VALUES ($1, $2, '2026-12-25', 'Cross', $3, now())",
        [randomUUID(), a.companyId, bEvent.rows[0]?.id],
      );
    // As the owner (no RLS), the composite foreign key or the same-transaction
    // check refuses it, whichever runs first at the end of the statement...
    await expect(insert()).rejects.toThrow(/not an event of this company|holidays_event_fk/);
    // ...and without that check, the composite foreign key still does.
    await owner.query('BEGIN');
    try {
      await owner.query('ALTER TABLE holidays DISABLE TRIGGER holidays_own_event');
      await expect(insert()).rejects.toThrow(/holidays_event_fk/);
    } finally {
      await owner.query('ROLLBACK');
    }
    expect(await count('holidays', "name = 'Cross'")).toBe(0);
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

describe('named statements (decision 043)', () => {
  it('prepares a repeated query once per connection, and row-level security binds each run', async () => {
    const a = await makeCompany('Gamma');
    const b = await makeCompany('Delta');
    await onOneConnection(async (oneConnection) => {
      const personsOf = (companyId: string) =>
        withTenant(
          oneConnection,
          companyId,
          (read) =>
            read.$queryRaw<Array<{ id: string }>>`SELECT id FROM persons /* decision 043 */`,
        );
      // Past the plan cache's five custom plans, so later runs may use the generic plan.
      for (let run = 0; run < 8; run += 1) {
        expect(await personsOf(a.companyId)).toEqual([{ id: a.adminId }]);
        expect(await personsOf(b.companyId)).toEqual([{ id: b.adminId }]);
      }
      const prepared = await withTenant(
        oneConnection,
        a.companyId,
        (read) =>
          read.$queryRaw<Array<{ name: string; runs: number }>>`
          SELECT name, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements
          WHERE statement LIKE '%FROM persons /* decision 043 */%'
            AND statement NOT LIKE '%pg_prepared_statements%'`,
      );
      expect(prepared).toEqual([{ name: expect.stringMatching(/^aegira_\d+$/), runs: 16 }]);
    });
  });
});

describe('direct reads (decision 044)', () => {
  it('binds the company for one read-only statement, refuses a write, and leaves the connection clean after a failure', async () => {
    const a = await makeCompany('Epsilon');
    const b = await makeCompany('Zeta');
    await onOneConnection(async (oneConnection) => {
      const persons = Prisma.sql`SELECT id FROM persons`;
      expect(await readInTenant(oneConnection, a.companyId, persons)).toEqual([{ id: a.adminId }]);
      expect(await readInTenant(oneConnection, b.companyId, persons)).toEqual([{ id: b.adminId }]);

      const rename = Prisma.sql`UPDATE persons SET first_name = 'Direct' WHERE id = ${a.adminId}::uuid RETURNING id`;
      await expect(readInTenant(oneConnection, a.companyId, rename)).rejects.toMatchObject({
        code: '25006', // read_only_sql_transaction
      });
      expect(await count('persons', "first_name = 'Direct'")).toBe(0);

      await expect(
        readInTenant(oneConnection, a.companyId, Prisma.sql`SELECT 1 / 0`),
      ).rejects.toMatchObject({ code: '22012' });
      // Rolled back: the same connection answers, and no company stays bound outside a read.
      const setting = Prisma.sql`SELECT current_setting('app.company_id', true) AS company`;
      const [bound] = await readUnbound<{ company: string | null }>(oneConnection, setting);
      expect(bound?.company ?? '').toBe('');
      expect(await readInTenant(oneConnection, b.companyId, persons)).toEqual([{ id: b.adminId }]);
    });
  });
});

describe('plain SQL on the transaction’s own connection (decision 045)', () => {
  it('sends sqlOf’s statements inside the command’s transaction, and refuses them once it ended', async () => {
    const { companyId, adminId } = await makeCompany('Eta');
    const where = Prisma.sql`SELECT pg_backend_pid()::text AS pid, txid_current()::text AS tx,
                                    current_setting('app.company_id') AS company`;
    type Where = { pid: string; tx: string; company: string };
    let kept: DirectRead | undefined;
    const seen = await executeCommand(
      db,
      { companyId, actorId: adminId },
      async (read) => {
        kept = sqlOf(read);
        // node-postgres answers an int8 as text where Prisma answers a BigInt: the driver sent it.
        const [eight] = await kept.rows<{ n: unknown }>(Prisma.sql`SELECT 8::int8 AS n`);
        if (eight?.n !== '8') throw new Error(`not sent by the driver: ${String(eight?.n)}`);
        const [driver] = await kept.rows<Where>(where);
        const [prisma] = await read.$queryRaw<Where[]>(where);
        const firstName = driver?.tx === prisma?.tx ? 'Same' : 'Other';
        return [event('PERSON_UPDATED', { id: adminId, changes: { firstName } })];
      },
      async (read) => {
        const [driver] = await sqlOf(read).rows<Where>(where);
        const [prisma] = await read.$queryRaw<Where[]>(where);
        return { driver, prisma };
      },
    );
    // One backend, one transaction, the actor's company bound: the driver's statements are in it.
    expect(seen.driver).toEqual(seen.prisma);
    expect(seen.driver?.company).toBe(companyId);
    expect(await count('persons', "id = $1 AND first_name = 'Same'", [adminId])).toBe(1);
    // The connection went back to the pool with the commit: a statement on it now is refused,
    // as a closed transaction (busy), never sent into whatever transaction uses it next.
    const late = kept?.rows<Where>(where);
    await expect(late).rejects.toThrow(/Transaction already closed/);
    expect(transientDatabaseFailure(await late?.catch((error: unknown) => error))).toBe('busy');
  });
});

describe('commands in the driver’s own transaction (decision 046)', () => {
  type Where = { pid: string; tx: string; company: string };
  const where = Prisma.sql`SELECT pg_backend_pid()::text AS pid, txid_current()::text AS tx,
                                  current_setting('app.company_id', true) AS company`;

  /** A Db of its own, to give limits to and to find its backends by application name. */
  async function withDb(
    options: Parameters<typeof createDb>[1],
    work: (db: Db, applicationName: string) => Promise<void>,
  ): Promise<void> {
    const applicationName = `w46-${randomUUID().slice(0, 8)}`;
    const own = createDb(database.appUrl, { ...options, applicationName });
    try {
      await work(own, applicationName);
    } finally {
      await own.$disconnect();
    }
  }

  async function idleInTransaction(applicationName: string): Promise<number> {
    const { rows } = await owner.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
       WHERE application_name = $1 AND state LIKE 'idle in transaction%'`,
      [applicationName],
    );
    return Number(rows[0]?.n);
  }

  it('decides and applies in one transaction bound to the company, and refuses statements once it committed', async () => {
    const { companyId, adminId } = await makeCompany('Theta');
    let kept: DirectRead | undefined;
    let decided: Where | undefined;
    let applied: Where | undefined;
    const remove = installFaults(db, {
      afterEventInsert: async (tx) => {
        [applied] = await tx.rows<Where>(where);
      },
    });
    try {
      const stored = await executeSqlCommand(db, { companyId, actorId: adminId }, async (read) => {
        kept = read;
        [decided] = await read.rows<Where>(where);
        return [event('PERSON_UPDATED', { id: adminId, changes: { firstName: 'Driver' } })];
      });
      expect(stored.map((e) => e.type)).toEqual(['PERSON_UPDATED']);
    } finally {
      remove();
    }
    // The decide step and the write path's own steps: one backend, one transaction, the company.
    expect(decided?.company).toBe(companyId);
    expect(applied).toEqual(decided);
    // The event and its projection committed together.
    expect(await count('events', "entity_id = $1 AND type = 'PERSON_UPDATED'", [adminId])).toBe(1);
    expect(await count('persons', "id = $1 AND first_name = 'Driver'", [adminId])).toBe(1);
    const late = kept?.rows<Where>(where);
    await expect(late).rejects.toThrow(/Transaction already closed/);
    expect(transientDatabaseFailure(await late?.catch((error: unknown) => error))).toBe('busy');
  });

  it('rolls everything back when a step throws, and hands the connection back clean', async () => {
    const { companyId, adminId } = await makeCompany('Iota');
    await withDb({ maxConnections: 1 }, async (own, applicationName) => {
      const remove = installFaults(own, {
        afterEventInsert: async (tx) => {
          await tx.run(sql(`DO $$ BEGIN RAISE check_violation; END $$`));
        },
      });
      const failed = executeSqlCommand(own, { companyId, actorId: adminId }, async () => [
        event('PERSON_UPDATED', { id: adminId, changes: { firstName: 'Never' } }),
      ]);
      await expect(failed).rejects.toMatchObject({ code: '23514' });
      remove();
      expect(await count('events', "entity_id = $1 AND type = 'PERSON_UPDATED'", [adminId])).toBe(
        0,
      );
      expect(await idleInTransaction(applicationName)).toBe(0);
      // The one connection serves the next transaction, with nothing left of the failed one.
      const [next] = await readInTenant<Where>(own, companyId, where);
      expect(next?.company).toBe(companyId);
    });
  });

  it('keeps maxWait: no connection in time is busy, and the connection that comes later goes back', async () => {
    const { companyId, adminId } = await makeCompany('Kappa');
    await withDb(
      { maxConnections: 1, transaction: { maxWait: 200 } },
      async (own, applicationName) => {
        // The pool's only connection is held for 600 ms by a read.
        const holding = readInTenant(own, companyId, Prisma.sql`SELECT pg_sleep(0.6)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        const started = performance.now();
        const refused = await executeSqlCommand(own, { companyId, actorId: adminId }, async () => [
          event('PERSON_UPDATED', { id: adminId, changes: { firstName: 'Late' } }),
        ]).catch((error: unknown) => error);
        expect(performance.now() - started).toBeLessThan(550);
        expect(String(refused)).toMatch(/Unable to start a transaction in the given time/);
        expect(transientDatabaseFailure(refused)).toBe('busy');
        await holding;
        // The late connection went back unused: the next command gets it and commits.
        await executeSqlCommand(own, { companyId, actorId: adminId }, async () => [
          event('PERSON_UPDATED', { id: adminId, changes: { firstName: 'Next' } }),
        ]);
        expect(await count('persons', "id = $1 AND first_name = 'Next'", [adminId])).toBe(1);
        expect(await idleInTransaction(applicationName)).toBe(0);
      },
    );
  });

  it('keeps timeout: past it the transaction is rolled back at once and the command fails as a timeout', async () => {
    const { companyId, adminId } = await makeCompany('Lambda');
    await withDb({ transaction: { timeout: 300 } }, async (own, applicationName) => {
      let kept: DirectRead | undefined;
      let idleWhileWaiting = -1;
      const failure = await executeSqlCommand(
        own,
        { companyId, actorId: adminId },
        async (read) => {
          kept = read;
          await read.rows(where);
          await new Promise((resolve) => setTimeout(resolve, 600));
          // Rolled back when the timeout fired, not when this step returns.
          idleWhileWaiting = await idleInTransaction(applicationName);
          return [event('PERSON_UPDATED', { id: adminId, changes: { firstName: 'Expired' } })];
        },
      ).catch((error: unknown) => error);
      expect(String(failure)).toMatch(/expired transaction/);
      expect(transientDatabaseFailure(failure)).toBe('timeout');
      expect(idleWhileWaiting).toBe(0);
      await expect(kept?.rows(where)).rejects.toThrow(/expired transaction/);
      expect(await count('persons', "id = $1 AND first_name = 'Expired'", [adminId])).toBe(0);
      // The connection is clean: the next command commits.
      await executeSqlCommand(own, { companyId, actorId: adminId }, async () => [
        event('PERSON_UPDATED', { id: adminId, changes: { firstName: 'InTime' } }),
      ]);
      expect(await count('persons', "id = $1 AND first_name = 'InTime'", [adminId])).toBe(1);
    });
  });

  it('gives the direct reads the same limits: past timeout a read fails as a timeout, rolled back at once', async () => {
    const { companyId } = await makeCompany('Mu');
    await withDb({ transaction: { timeout: 300 } }, async (own, applicationName) => {
      let idleWhileWaiting = -1;
      const failure = await withTenantDirect(own, companyId, async (read) => {
        await read.rows(Prisma.sql`SELECT 1`);
        await new Promise((resolve) => setTimeout(resolve, 600));
        // Rolled back when the timeout fired, not when the read returns.
        idleWhileWaiting = await idleInTransaction(applicationName);
        return read.rows(Prisma.sql`SELECT 2`);
      }).catch((error: unknown) => error);
      expect(String(failure)).toMatch(/expired transaction/);
      expect(transientDatabaseFailure(failure)).toBe('timeout');
      expect(idleWhileWaiting).toBe(0);
      // The connection is clean: the next read answers, bound to its company.
      const setting = Prisma.sql`SELECT current_setting('app.company_id', true) AS company`;
      const [next] = await readInTenant<{ company: string }>(own, companyId, setting);
      expect(next?.company).toBe(companyId);
    });
  });
});
