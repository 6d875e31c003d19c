import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../test-support/provided-context.ts';
import { createFreshDatabase, type FreshDatabase } from '../test-support/fresh-database.ts';
import { APP_ROLE, appUrlFor } from './server/database.ts';
import { applyMigrations } from './server/migrate.ts';
import { migrationsDir } from './server/paths.ts';
import { quoteIdent, urlWithDatabase, withClient } from './server/pg-util.ts';

// The guards of migration write_path_guards (docs/decisions/010-guard-registry.md), checked
// with plain SQL so that they hold whatever the TypeScript write path does.

const GUARDS_MIGRATION = 'write_path_guards';
const OWN_EVENT = /needs its event from the same transaction/;
/** Another company's event: the composite foreign key or the same-transaction check, whichever runs first. */
const FOREIGN_EVENT = /needs its event from the same transaction|_event_fk/;
const REFUSED_CHANGE = /not allowed/;

/** The guard triggers each kind must have (app_guard_table names them `<table><suffix>`). */
const TRIGGER_SUFFIXES: Record<string, readonly string[]> = {
  log: ['_append_only', '_no_truncate'],
  history: ['_append_only', '_own_event', '_no_truncate'],
  entity: ['_no_delete', '_no_truncate', '_own_event', '_own_event_update'],
  operational: [],
};

/**
 * Tables the application role may touch that are deliberately outside the registry:
 * app_guard_table scopes a table by its company column, and these have no company.
 * Each is listed with exactly the privileges it needs and the reason it is unscoped.
 */
const UNSCOPED_TABLES: Record<string, { privileges: readonly string[]; reason: string }> = {
  rate_limits: {
    privileges: ['DELETE', 'INSERT', 'SELECT', 'UPDATE'],
    reason:
      'login throttles (migration shared_rate_limits) are counted before any company is bound, ' +
      'per client address and per account across companies; the rows are hashed keys, counters ' +
      'and expiry times, nothing of a tenant. DELETE: expired windows are pruned and a ' +
      'successful login clears its account.',
  },
};

let database: FreshDatabase;
let owner: pg.Client;
let app: pg.Client;

beforeAll(async () => {
  database = await createFreshDatabase();
  owner = new pg.Client({ connectionString: database.ownerUrl });
  app = new pg.Client({ connectionString: database.appUrl });
  await Promise.all([owner.connect(), app.connect()]);
});
afterAll(async () => {
  await Promise.all([owner?.end(), app?.end()]);
  await database?.drop();
});

/** Runs `work` in a transaction bound to `companyId` (when given), then commits or rolls back. */
async function transaction<T>(
  client: pg.Client,
  companyId: string | null,
  end: 'COMMIT' | 'ROLLBACK',
  work: () => Promise<T>,
): Promise<T> {
  await client.query('BEGIN');
  try {
    if (companyId !== null) {
      await client.query("SELECT set_config('app.company_id', $1, true)", [companyId]);
    }
    const result = await work();
    await client.query(end);
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

const committed = <T>(client: pg.Client, companyId: string | null, work: () => Promise<T>) =>
  transaction(client, companyId, 'COMMIT', work);
/** For attempts that must be refused, and for reads: nothing is kept. */
const rolledBack = <T>(client: pg.Client, companyId: string | null, work: () => Promise<T>) =>
  transaction(client, companyId, 'ROLLBACK', work);

async function appendEvent(
  client: pg.Client,
  companyId: string,
  type: string,
  entityType: string,
  entityId: string,
): Promise<string> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO events (id, company_id, actor_id, type, entity_type, entity_id, payload, schema_version)
     VALUES ($1, $2, NULL, $3, $4, $5, '{}', 1)`,
    [id, companyId, type, entityType, entityId],
  );
  return id;
}

async function insertPerson(
  client: pg.Client,
  companyId: string,
  eventId: string,
  personId = randomUUID(),
  teamId: string | null = null,
): Promise<string> {
  await client.query(
    `INSERT INTO persons (id, company_id, email, first_name, last_name, role, team_id, event_id, updated_at)
     VALUES ($1, $2, $3, 'First', 'Last', 'ADMIN', $4, $5, now())`,
    [personId, companyId, `p-${personId}@example.test`, teamId, eventId],
  );
  return personId;
}

/** A company, its admin and one audit row, written by the owner with raw SQL, event first. */
async function makeCompany(): Promise<{ companyId: string; adminId: string }> {
  const companyId = randomUUID();
  const adminId = randomUUID();
  await committed(owner, null, async () => {
    const companyEvent = await appendEvent(
      owner,
      companyId,
      'COMPANY_CREATED',
      'company',
      companyId,
    );
    await owner.query(
      `INSERT INTO companies (id, name, slug, timezone, event_id, updated_at)
       VALUES ($1, 'Acme', $2, 'UTC', $3, now())`,
      [companyId, `acme-${companyId}`, companyEvent],
    );
    await owner.query(
      `INSERT INTO audit_logs (id, company_id, event_id, actor_id, action, entity_type, entity_id, details)
       VALUES ($1, $2, $3, NULL, 'COMPANY_CREATED', 'company', $2, '{}')`,
      [randomUUID(), companyId, companyEvent],
    );
    const personEvent = await appendEvent(owner, companyId, 'PERSON_CREATED', 'person', adminId);
    await insertPerson(owner, companyId, personEvent, adminId);
  });
  return { companyId, adminId };
}

describe('the table registry', () => {
  it('labels every tenant table and each has the guards of its kind', async () => {
    const tenantTables = await owner.query<{ table_name: string; kind: string | null }>(`
      SELECT c.relname AS table_name, r.kind
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN app_table_registry r ON r.table_name = c.relname
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND (c.relname = 'companies' OR EXISTS (
          SELECT 1 FROM pg_attribute a
          WHERE a.attrelid = c.oid AND a.attname = 'company_id' AND a.attnum > 0 AND NOT a.attisdropped))
      ORDER BY c.relname`);
    const missing = tenantTables.rows
      .filter((row) => row.kind === null)
      .map((row) => row.table_name);
    expect(missing, `tables without a label in app_table_registry: ${missing.join(', ')}`).toEqual(
      [],
    );
    expect(tenantTables.rows.length).toBeGreaterThanOrEqual(12);

    const guarded = await owner.query<{
      table_name: string;
      kind: string;
      retention: string | null;
      exists: boolean;
      rls: boolean | null;
      forced: boolean | null;
      policy: boolean;
      triggers: Record<string, string> | null;
      can_update: boolean | null;
      can_delete: boolean | null;
    }>(
      `SELECT r.table_name, r.kind, r.retention, c.oid IS NOT NULL AS exists,
              c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation') AS policy,
              (SELECT jsonb_object_agg(t.tgname, t.tgenabled) FROM pg_trigger t
               WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) AS triggers,
              CASE WHEN c.oid IS NOT NULL THEN has_table_privilege($1, c.oid, 'UPDATE') END AS can_update,
              CASE WHEN c.oid IS NOT NULL THEN has_table_privilege($1, c.oid, 'DELETE') END AS can_delete
       FROM app_table_registry r
       LEFT JOIN pg_class c ON c.relname = r.table_name AND c.relnamespace = 'public'::regnamespace
       ORDER BY r.table_name`,
      [APP_ROLE],
    );
    const problems: string[] = [];
    for (const row of guarded.rows) {
      const t = row.table_name;
      if (!row.exists) {
        problems.push(`${t}: labelled but no such table`);
        continue;
      }
      if (row.rls !== true) problems.push(`${t}: row-level security not enabled`);
      if (row.forced !== true) problems.push(`${t}: row-level security not forced`);
      if (!row.policy) problems.push(`${t}: no tenant_isolation policy`);
      for (const suffix of TRIGGER_SUFFIXES[row.kind] ?? []) {
        const state = row.triggers?.[`${t}${suffix}`];
        if (state !== 'A') problems.push(`${t}: trigger ${t}${suffix} is ${state ?? 'missing'}`);
      }
      if (row.kind !== 'operational' && row.can_delete) problems.push(`${t}: app may DELETE`);
      if (row.kind === 'log' && row.can_update) problems.push(`${t}: app may UPDATE`);
      if (row.kind === 'operational' && row.retention === null) {
        problems.push(`${t}: no retention stated`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lets the application role touch no table outside the registry but the deliberate unscoped ones', async () => {
    const result = await owner.query<{
      table_name: string;
      privileges: string[];
      company: boolean;
    }>(
      `SELECT c.relname AS table_name,
              ARRAY(SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',
                                               'REFERENCES', 'TRIGGER']) AS p
                    WHERE has_table_privilege($1, c.oid, p) ORDER BY p) AS privileges,
              EXISTS (SELECT 1 FROM pg_attribute a
                      WHERE a.attrelid = c.oid AND a.attname = 'company_id'
                        AND a.attnum > 0 AND NOT a.attisdropped) AS company
       FROM pg_class c
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
         AND NOT EXISTS (SELECT 1 FROM app_table_registry r WHERE r.table_name = c.relname)
       ORDER BY c.relname`,
      [APP_ROLE],
    );
    const touched = result.rows.filter((row) => row.privileges.length > 0);
    expect(Object.fromEntries(touched.map((row) => [row.table_name, row.privileges]))).toEqual(
      Object.fromEntries(
        Object.entries(UNSCOPED_TABLES).map(([table, { privileges }]) => [table, [...privileges]]),
      ),
    );
    // A table with a company belongs in the registry, under its tenant policy.
    expect(touched.filter((row) => row.company).map((row) => row.table_name)).toEqual([]);
    for (const { reason } of Object.values(UNSCOPED_TABLES)) expect(reason).not.toBe('');
  });

  it('lets the application role count login attempts with no company bound, and nobody else', async () => {
    const key = `guards-test:${randomUUID()}`;
    await rolledBack(app, null, async () => {
      await app.query('INSERT INTO rate_limits (key, points, expire) VALUES ($1, 1, $2)', [
        key,
        Date.now() + 60_000,
      ]);
      const seen = await app.query('SELECT points FROM rate_limits WHERE key = $1', [key]);
      expect(seen.rows).toEqual([{ points: 1 }]);
    });
    const publicGrants = await owner.query(
      `SELECT privilege_type FROM information_schema.role_table_grants
       WHERE table_name = 'rate_limits' AND grantee = 'PUBLIC'`,
    );
    expect(publicGrants.rows).toEqual([]);
  });

  it('defers every reference between entity tables, and only those', async () => {
    const result = await owner.query<{
      conname: string;
      to_kind: string;
      deferred: boolean;
    }>(`
      SELECT con.conname, rd.kind AS to_kind, con.condeferrable AND con.condeferred AS deferred
      FROM pg_constraint con
      JOIN app_table_registry rs ON rs.table_name = (SELECT relname FROM pg_class WHERE oid = con.conrelid)
      JOIN app_table_registry rd ON rd.table_name = (SELECT relname FROM pg_class WHERE oid = con.confrelid)
      WHERE con.contype = 'f' AND rs.kind = 'entity'
      ORDER BY con.conname`);
    const between = result.rows.filter((row) => row.to_kind === 'entity');
    expect(between.length).toBeGreaterThanOrEqual(13);
    expect(between.filter((row) => !row.deferred).map((row) => row.conname)).toEqual([]);
    // An entity's event is appended first, so that reference stays immediate.
    const toEvents = result.rows.filter((row) => row.to_kind === 'log');
    expect(toEvents.length).toBeGreaterThanOrEqual(8);
    expect(toEvents.filter((row) => row.deferred).map((row) => row.conname)).toEqual([]);
  });
});

describe('the log, even for the owner in replica mode', () => {
  it.each([
    ['UPDATE events', "UPDATE events SET payload = '{}'"],
    ['DELETE events', 'DELETE FROM events'],
    ['TRUNCATE events', 'TRUNCATE events CASCADE'],
    ['UPDATE audit_logs', "UPDATE audit_logs SET details = '{}'"],
    ['DELETE audit_logs', 'DELETE FROM audit_logs'],
    ['TRUNCATE audit_logs', 'TRUNCATE audit_logs'],
    ['DELETE persons', 'DELETE FROM persons'],
    ['UPDATE persons without an event', "UPDATE persons SET first_name = 'x'"],
  ])('refuses %s', async (_label, sql) => {
    await makeCompany();
    await expect(
      rolledBack(owner, null, async () => {
        await owner.query('SET LOCAL session_replication_role = replica');
        await owner.query(sql);
      }),
    ).rejects.toThrow(sql.includes('persons SET') ? OWN_EVENT : REFUSED_CHANGE);
  });

  it('stamps the writing transaction on each event, whatever the client sends', async () => {
    const { companyId } = await makeCompany();
    await committed(owner, null, async () => {
      const id = randomUUID();
      await owner.query(
        `INSERT INTO events (id, company_id, type, entity_type, entity_id, payload, schema_version, tx_id)
         VALUES ($1, $2, 'COMPANY_UPDATED', 'company', $2, '{}', 1, 1)`,
        [id, companyId],
      );
      const stamped = await owner.query<{ same: boolean }>(
        'SELECT tx_id = (pg_current_xact_id()::text)::bigint AS same FROM events WHERE id = $1',
        [id],
      );
      expect(stamped.rows[0]?.same).toBe(true);
    });
  });
});

describe('entity rows as the application role', () => {
  it('refuses an update that names no new event', async () => {
    const { companyId } = await makeCompany();
    await expect(
      rolledBack(app, companyId, async () => {
        await app.query("UPDATE persons SET first_name = 'x'");
      }),
    ).rejects.toThrow(OWN_EVENT);
  });

  it('refuses an update with an event written in an earlier transaction', async () => {
    const { companyId, adminId } = await makeCompany();
    const earlier = await committed(app, companyId, () =>
      appendEvent(app, companyId, 'PERSON_UPDATED', 'person', adminId),
    );
    await expect(
      rolledBack(app, companyId, async () => {
        await app.query("UPDATE persons SET first_name = 'x', event_id = $1 WHERE id = $2", [
          earlier,
          adminId,
        ]);
      }),
    ).rejects.toThrow(OWN_EVENT);
  });

  it('accepts an update with its event from the same transaction', async () => {
    const { companyId, adminId } = await makeCompany();
    await committed(app, companyId, async () => {
      const eventId = await appendEvent(app, companyId, 'PERSON_UPDATED', 'person', adminId);
      await app.query("UPDATE persons SET first_name = 'Renamed', event_id = $1 WHERE id = $2", [
        eventId,
        adminId,
      ]);
    });
    const row = await owner.query<{ first_name: string }>(
      'SELECT first_name FROM persons WHERE id = $1',
      [adminId],
    );
    expect(row.rows[0]?.first_name).toBe('Renamed');
  });

  it('keeps refusing on a connection that already ran the guard (its plan is kept), on company_id tables and companies alike', async () => {
    const { companyId, adminId } = await makeCompany();
    // The first run plans the guard's query for persons on this connection and keeps it.
    const first = await committed(app, companyId, async () => {
      const eventId = await appendEvent(app, companyId, 'PERSON_UPDATED', 'person', adminId);
      await app.query("UPDATE persons SET first_name = 'Kept', event_id = $1 WHERE id = $2", [
        eventId,
        adminId,
      ]);
      return eventId;
    });
    // Later transactions on the same connection: the transaction is read at each run, so the
    // event of the first one is refused every time.
    for (const name of ['Again', 'Still']) {
      await expect(
        rolledBack(app, companyId, async () => {
          await app.query('UPDATE persons SET first_name = $3, event_id = $1 WHERE id = $2', [
            first,
            adminId,
            name,
          ]);
        }),
      ).rejects.toThrow(OWN_EVENT);
    }
    // companies names its company column id: the guard's other path refuses the same way.
    await expect(
      rolledBack(app, companyId, async () => {
        await app.query("UPDATE companies SET name = 'Kept Co', event_id = $1 WHERE id = $2", [
          first,
          companyId,
        ]);
      }),
    ).rejects.toThrow(OWN_EVENT);
  });

  it("refuses an entity insert whose event is another company's", async () => {
    const a = await makeCompany();
    const b = await makeCompany();
    const holiday = `INSERT INTO holidays (id, company_id, date, name, event_id, updated_at)
                     VALUES ($1, $2, '2026-12-25', 'Cross', $3, now())`;
    // The application role cannot even see the other company's log.
    const bEvent = await committed(app, b.companyId, () =>
      appendEvent(app, b.companyId, 'HOLIDAY_CREATED', 'holiday', randomUUID()),
    );
    await expect(
      rolledBack(app, a.companyId, async () => {
        await app.query(holiday, [randomUUID(), a.companyId, bEvent]);
      }),
    ).rejects.toThrow(FOREIGN_EVENT);
    // The owner sees it, appended in this very transaction, and is refused all the same.
    await expect(
      rolledBack(owner, null, async () => {
        const fresh = await appendEvent(
          owner,
          b.companyId,
          'HOLIDAY_CREATED',
          'holiday',
          a.adminId,
        );
        await owner.query(holiday, [randomUUID(), a.companyId, fresh]);
      }),
    ).rejects.toThrow(FOREIGN_EVENT);
  });

  it('refuses DELETE on persons', async () => {
    const { companyId } = await makeCompany();
    await expect(
      rolledBack(app, companyId, async () => {
        await app.query('DELETE FROM persons');
      }),
    ).rejects.toThrow(/permission denied/);
  });

  it('checks references between entity rows at commit, so tables are written in any order', async () => {
    const { companyId } = await makeCompany();
    const leaderId = randomUUID();
    await committed(app, companyId, async () => {
      const eventId = await appendEvent(app, companyId, 'TEAM_CREATED', 'team', leaderId);
      // The team names a leader whose row comes later in the same transaction.
      await app.query(
        `INSERT INTO teams (id, company_id, name, leader_id, event_id, updated_at)
         VALUES ($1, $2, 'Night shift', $3, $4, now())`,
        [randomUUID(), companyId, leaderId, eventId],
      );
      await insertPerson(app, companyId, eventId, leaderId);
    });
    await expect(
      rolledBack(app, companyId, async () => {
        const eventId = await appendEvent(app, companyId, 'TEAM_CREATED', 'team', leaderId);
        await app.query(
          `INSERT INTO teams (id, company_id, name, leader_id, event_id, updated_at)
           VALUES ($1, $2, 'Day shift', $3, $4, now())`,
          [randomUUID(), companyId, randomUUID(), eventId],
        );
        await app.query('SET CONSTRAINTS ALL IMMEDIATE');
      }),
    ).rejects.toThrow(/teams_leader_fk/);
  });
});

describe('effective team on a date', () => {
  it('counts a due pending transfer before any job completes it', async () => {
    const { companyId, adminId } = await makeCompany();
    const [from, to, worker] = [randomUUID(), randomUUID(), randomUUID()];
    await committed(app, companyId, async () => {
      const eventId = await appendEvent(app, companyId, 'TEAM_CREATED', 'team', from);
      for (const [id, name] of [
        [from, 'From'],
        [to, 'To'],
      ] as const) {
        await app.query(
          `INSERT INTO teams (id, company_id, name, leader_id, event_id, updated_at)
           VALUES ($1, $2, $3, $4, $5, now())`,
          [id, companyId, name, id === from ? adminId : worker, eventId],
        );
      }
      await insertPerson(app, companyId, eventId, worker, from);
      await app.query(
        `INSERT INTO team_transfers (id, company_id, person_id, from_team_id, to_team_id, effective_on, event_id, updated_at)
         VALUES ($1, $2, $3, $4, $5, '2026-12-02', $6, now())`,
        [randomUUID(), companyId, worker, from, to, eventId],
      );
    });
    const on = async (date: string) => {
      const team = await app.query<{ team: string | null }>(
        'SELECT app_person_team_on($1, $2) AS team',
        [worker, date],
      );
      const members = async (teamId: string) =>
        (
          await app.query<{ id: string }>('SELECT id FROM app_team_members_on($1, $2) AS id', [
            teamId,
            date,
          ])
        ).rows.map((row) => row.id);
      return { team: team.rows[0]?.team, from: await members(from), to: await members(to) };
    };
    expect(await rolledBack(app, companyId, () => on('2026-12-01'))).toEqual({
      team: from,
      from: [worker],
      to: [],
    });
    expect(await rolledBack(app, companyId, () => on('2026-12-02'))).toEqual({
      team: to,
      from: [],
      to: [worker],
    });
    // Reads never write: the transfer is still pending.
    const status = await owner.query<{ status: string }>(
      'SELECT status FROM team_transfers WHERE person_id = $1',
      [worker],
    );
    expect(status.rows[0]?.status).toBe('PENDING');
    // Row-level security applies: another company sees no team for the worker.
    const other = await makeCompany();
    const seen = await rolledBack(app, other.companyId, () =>
      app.query<{ team: string | null }>("SELECT app_person_team_on($1, '2026-12-02') AS team", [
        worker,
      ]),
    );
    expect(seen.rows[0]?.team).toBeNull();
  });
});

describe('credentials outside the entity tables', () => {
  it('answers login from person_credentials with the same result columns', async () => {
    const { companyId, adminId } = await makeCompany();
    await committed(app, companyId, async () => {
      await app.query(
        `INSERT INTO person_credentials (person_id, company_id, password_hash) VALUES ($1, $2, 'hash-1')`,
        [adminId, companyId],
      );
    });
    // Unbound, as at login: the company's slug and the email (unique per company).
    const login = await app.query('SELECT * FROM app_find_login($1, $2)', [
      `ACME-${companyId}`,
      `p-${adminId}@example.test`,
    ]);
    expect(login.rows).toEqual([
      {
        person_id: adminId,
        company_id: companyId,
        password_hash: 'hash-1',
        person_active: true,
        company_active: true,
        token_version: 0,
      },
    ]);
    const columns = await owner.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name IN ('password_hash', 'token_hash')
       ORDER BY table_name`,
    );
    expect(columns.rows.map((row) => row.column_name)).toEqual(['token_hash', 'password_hash']);
  });

  it('keeps the hashes of rows written before the migration', async () => {
    const server = inject('aegiraDatabase');
    const name = `${server.databasePrefix}upgrade_${randomBytes(4).toString('hex')}`;
    const ownerUrl = urlWithDatabase(server.ownerUrl, name);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aegira-upgrade-'));
    await withClient(server.ownerUrl, (client) =>
      client.query(`CREATE DATABASE ${quoteIdent(name)}`),
    );
    try {
      // The migrations folder as it was before this migration, then with it.
      const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
      const folders = entries
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
      const guards = folders.find((folder) => folder.endsWith(`_${GUARDS_MIGRATION}`));
      if (guards === undefined) throw new Error(`no ${GUARDS_MIGRATION} migration`);
      const copy = (entry: string) =>
        fs.cp(path.join(migrationsDir, entry), path.join(dir, entry), { recursive: true });
      await copy('migration_lock.toml');
      for (const folder of folders.filter((folder) => folder < guards)) await copy(folder);
      await applyMigrations(ownerUrl, { migrationsDir: dir });

      const [companyId, personId, tokenId] = [randomUUID(), randomUUID(), randomUUID()];
      await withClient(ownerUrl, async (client) => {
        await committed(client, null, async () => {
          const eventId = await appendEvent(
            client,
            companyId,
            'COMPANY_CREATED',
            'company',
            companyId,
          );
          await client.query(
            `INSERT INTO companies (id, name, slug, timezone, event_id, updated_at)
             VALUES ($1, 'Old', $2, 'UTC', $3, now())`,
            [companyId, `old-${companyId}`, eventId],
          );
          await client.query(
            `INSERT INTO persons (id, company_id, email, first_name, last_name, role, password_hash, event_id, updated_at)
             VALUES ($1, $2, 'old@example.test', 'Old', 'Timer', 'ADMIN', 'old-password-hash', $3, now())`,
            [personId, companyId, eventId],
          );
          await client.query(
            `INSERT INTO api_tokens (id, company_id, name, scope, token_hash, prefix, created_by_id, event_id, updated_at)
             VALUES ($1, $2, 'CI', 'READ_ONLY', 'old-token-hash', 'agr_', $3, $4, now())`,
            [tokenId, companyId, personId, eventId],
          );
        });
      });

      await copy(guards);
      expect(await applyMigrations(ownerUrl, { migrationsDir: dir })).toEqual([guards]);

      await withClient(appUrlFor(ownerUrl, server.appPassword), async (client) => {
        const login = await client.query<{ person_id: string; password_hash: string }>(
          "SELECT person_id, password_hash FROM app_find_login('OLD@example.test')",
        );
        expect(login.rows).toEqual([{ person_id: personId, password_hash: 'old-password-hash' }]);
        const token = await client.query<{ company_id: string; token_hash: string }>(
          'SELECT company_id, token_hash FROM app_find_api_token($1)',
          [tokenId],
        );
        expect(token.rows).toEqual([{ company_id: companyId, token_hash: 'old-token-hash' }]);
      });
    } finally {
      await withClient(server.ownerUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      );
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
  it('answers login and token lookups when the owner is not a superuser (RLS forced on the owner)', async () => {
    const server = inject('aegiraDatabase');
    const suffix = randomBytes(4).toString('hex');
    const role = `aegira_owner_${suffix}`;
    const name = `${server.databasePrefix}plain_owner_${suffix}`;
    await withClient(server.ownerUrl, async (client) => {
      await client.query(`CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD 'owner-pw' NOSUPERUSER`);
      await client.query(`CREATE DATABASE ${quoteIdent(name)} OWNER ${quoteIdent(role)}`);
    });
    const plainOwnerUrl = (() => {
      const url = new URL(urlWithDatabase(server.ownerUrl, name));
      url.username = role;
      url.password = 'owner-pw';
      return url.toString();
    })();
    try {
      await applyMigrations(plainOwnerUrl);
      const [companyId, personId] = [randomUUID(), randomUUID()];
      await withClient(plainOwnerUrl, async (client) => {
        // Forced RLS binds the owner too: it writes only with a company bound.
        await committed(client, companyId, async () => {
          const eventId = await appendEvent(
            client,
            companyId,
            'COMPANY_CREATED',
            'company',
            companyId,
          );
          await client.query(
            `INSERT INTO companies (id, name, slug, timezone, event_id, updated_at)
             VALUES ($1, 'Plain', $2, 'UTC', $3, now())`,
            [companyId, `plain-${suffix}`, eventId],
          );
          await client.query(
            `INSERT INTO persons (id, company_id, email, first_name, last_name, role, event_id, updated_at)
             VALUES ($1, $2, 'plain@example.test', 'Pl', 'Ain', 'ADMIN', $3, now())`,
            [personId, companyId, eventId],
          );
          await client.query(
            `INSERT INTO person_credentials (person_id, company_id, password_hash) VALUES ($1, $2, 'h')`,
            [personId, companyId],
          );
        });
        // Unbound, the owner itself sees nothing: the lookups are the only way across.
        const unbound = await client.query('SELECT count(*)::int AS n FROM persons');
        expect(unbound.rows).toEqual([{ n: 0 }]);
      });
      await withClient(appUrlFor(plainOwnerUrl, server.appPassword), async (client) => {
        const login = await client.query<{ person_id: string }>(
          `SELECT person_id FROM app_find_login('plain-${suffix}', 'plain@example.test')`,
        );
        expect(login.rows).toEqual([{ person_id: personId }]);
        const taken = await client.query<{ taken: boolean }>(
          `SELECT app_company_slug_taken($1) AS taken`,
          [`plain-${suffix}`],
        );
        expect(taken.rows).toEqual([{ taken: true }]);
        // The owner's lookup policy is not the application role's.
        const direct = await client.query('SELECT count(*)::int AS n FROM persons');
        expect(direct.rows).toEqual([{ n: 0 }]);
      });
    } finally {
      await withClient(server.ownerUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        await client.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
      });
    }
  });
  it('keeps the columns of each versions table equal to its entity table', async () => {
    const columns = async (table: string) =>
      (
        await owner.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns
           WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        )
      ).rows.map((row) => row.column_name);
    // The projection writer copies a row into its versions table by column name.
    expect(await columns('person_versions')).toEqual(await columns('persons'));
    expect(await columns('team_versions')).toEqual(await columns('teams'));
  });
});

describe('per-company accounts (migration per_company_accounts)', () => {
  async function addPerson(companyId: string, email: string): Promise<string> {
    const personId = randomUUID();
    await committed(app, companyId, async () => {
      const eventId = await appendEvent(app, companyId, 'PERSON_CREATED', 'person', personId);
      await app.query(
        `INSERT INTO persons (id, company_id, email, first_name, last_name, role, event_id, updated_at)
         VALUES ($1, $2, $3, 'Sam', 'Same', 'WORKER', $4, now())`,
        [personId, companyId, email, eventId],
      );
    });
    return personId;
  }

  it('TI-10: lets a company use an email another company uses, and each company only once', async () => {
    const [a, b] = [await makeCompany(), await makeCompany()];
    const email = `shared-${randomUUID()}@example.test`;
    await addPerson(b.companyId, email);
    // The same address in A succeeds: uniqueness is scoped by company, so it reveals nothing of B.
    await expect(addPerson(a.companyId, email)).resolves.toBeTypeOf('string');
    await expect(addPerson(a.companyId, email)).rejects.toMatchObject({
      code: '23505',
      constraint: 'persons_company_id_email_key',
    });
    // The cross-company oracle is gone.
    const oracle = await owner.query(
      "SELECT 1 FROM pg_proc WHERE proname IN ('app_email_taken') OR (proname = 'app_find_login' AND pronargs = 1)",
    );
    expect(oracle.rowCount).toBe(0);
  });

  it('keeps failed logins as a guarded operational table the app may prune', async () => {
    const registry = await owner.query(
      "SELECT kind, retention FROM app_table_registry WHERE table_name = 'login_failures'",
    );
    expect(registry.rows).toEqual([{ kind: 'operational', retention: 'pruned after 30 days' }]);
    const [a, b] = [await makeCompany(), await makeCompany()];
    await committed(app, a.companyId, () =>
      app.query('INSERT INTO login_failures (id, company_id, person_id) VALUES ($1, $2, $3)', [
        randomUUID(),
        a.companyId,
        a.adminId,
      ]),
    );
    const seenByB = await rolledBack(app, b.companyId, () =>
      app.query('SELECT count(*)::int AS n FROM login_failures'),
    );
    expect(seenByB.rows).toEqual([{ n: 0 }]);
    // B cannot file a failure against A's person.
    await expect(
      committed(app, b.companyId, () =>
        app.query('INSERT INTO login_failures (id, company_id, person_id) VALUES ($1, $2, $3)', [
          randomUUID(),
          a.companyId,
          a.adminId,
        ]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('keeps idempotency keys as a guarded operational table, per company, pruned after 24 hours', async () => {
    const registry = await owner.query(
      "SELECT kind, retention FROM app_table_registry WHERE table_name = 'idempotency_keys'",
    );
    expect(registry.rows).toEqual([{ kind: 'operational', retention: 'pruned after 24 hours' }]);
    const [a, b] = [await makeCompany(), await makeCompany()];
    const insertKey = (companyId: string, key: string) =>
      committed(app, companyId, () =>
        app.query(
          "INSERT INTO idempotency_keys (company_id, key, request_hash) VALUES ($1, $2, 'h')",
          [companyId, key],
        ),
      );
    await insertKey(a.companyId, 'same-key');
    // Keys are per company: B may use the same one, and does not see A's.
    await insertKey(b.companyId, 'same-key');
    const seenByB = await rolledBack(app, b.companyId, () =>
      app.query('SELECT company_id FROM idempotency_keys'),
    );
    expect(seenByB.rows).toEqual([{ company_id: b.companyId }]);
    await expect(insertKey(a.companyId, 'same-key')).rejects.toMatchObject({ code: '23505' });
    await expect(insertKey(a.companyId, '')).rejects.toMatchObject({ code: '23514' });
    const pruned = await committed(app, a.companyId, () =>
      app.query('DELETE FROM idempotency_keys'),
    );
    expect(pruned.rowCount).toBe(1);
  });

  it('keeps person keys as a guarded operational table: per company, never deleted, and a destroyed key stays destroyed', async () => {
    const registry = await owner.query(
      "SELECT kind FROM app_table_registry WHERE table_name = 'person_keys'",
    );
    expect(registry.rows).toEqual([{ kind: 'operational' }]);
    const [a, b] = [await makeCompany(), await makeCompany()];
    await committed(app, a.companyId, () =>
      app.query('INSERT INTO person_keys (company_id, person_id, key) VALUES ($1, $2, $3)', [
        a.companyId,
        a.adminId,
        randomBytes(32),
      ]),
    );
    const seenByB = await rolledBack(app, b.companyId, () =>
      app.query('SELECT person_id FROM person_keys'),
    );
    expect(seenByB.rows).toEqual([]);
    // Kept until erasure, then destroyed in place: never deleted, never restored, never short.
    await expect(
      committed(app, a.companyId, () => app.query('DELETE FROM person_keys')),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      committed(app, b.companyId, () =>
        app.query('INSERT INTO person_keys (company_id, person_id, key) VALUES ($1, $2, $3)', [
          b.companyId,
          b.adminId,
          randomBytes(16),
        ]),
      ),
    ).rejects.toMatchObject({ code: '23514' });
    await committed(app, a.companyId, () =>
      app.query('UPDATE person_keys SET key = NULL, destroyed_at = now()'),
    );
    await expect(
      committed(app, a.companyId, () =>
        app.query('UPDATE person_keys SET key = $1, destroyed_at = NULL', [randomBytes(32)]),
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });
});
