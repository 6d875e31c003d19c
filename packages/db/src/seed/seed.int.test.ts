import { randomUUID } from 'node:crypto';
import { addDays, weekdayOf } from '@aegira/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../../test-support/fresh-database.ts';
import { createDb, type Db } from '../client.ts';
import { event, executeCommand } from '../write-path.ts';
import { seedCompany } from './company.ts';
import { seedHistory } from './history.ts';

// The large-company seed (`pnpm db:seed --workers --days`, the benchmark): rows written through
// the write path, dated by the injected clock (decision 028).

let database: FreshDatabase;
let db: Db;
let owner: pg.Client;

beforeAll(async () => {
  database = await createFreshDatabase();
  db = createDb(database.appUrl);
  owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
});
afterAll(async () => {
  await owner?.end();
  await db?.$disconnect();
  await database?.drop();
});

async function count(sql: string, params: unknown[]): Promise<number> {
  const result = await owner.query<{ n: string }>(sql, params);
  return Number(result.rows[0]?.n ?? -1);
}

describe('the write path with an injected clock', () => {
  it('dates events and the rows they write, and records each event against its own actor', async () => {
    const at = new Date('2026-03-02T08:15:00.000Z');
    const companyId = randomUUID();
    const adminId = randomUUID();
    const [created] = await executeCommand(
      db,
      { companyId, actorId: adminId },
      async () => [
        event('COMPANY_CREATED', {
          id: companyId,
          name: 'Clocked',
          slug: companyId,
          timezone: 'UTC',
        }),
        event('PERSON_CREATED', {
          id: adminId,
          email: `${adminId}@example.test`,
          firstName: 'Ada',
          lastName: 'Admin',
          phone: null,
          windowStart: null,
          windowEnd: null,
          workDays: [],
          role: 'ADMIN',
          teamId: null,
          teamAssignedOn: null,
          mustChangePassword: false,
        }),
      ],
      { at },
    );
    expect(created?.createdAt.toISOString()).toBe(at.toISOString());
    const row = await owner.query<{ created_at: Date; updated_at: Date }>(
      'SELECT created_at, updated_at FROM companies WHERE id = $1',
      [companyId],
    );
    expect(row.rows[0]?.created_at.toISOString()).toBe(at.toISOString());
    expect(row.rows[0]?.updated_at.toISOString()).toBe(at.toISOString());

    const later = new Date('2026-03-03T09:00:00.000Z');
    const [renamed] = await executeCommand(
      db,
      { companyId, actorId: adminId },
      async () => [event('COMPANY_UPDATED', { id: companyId, changes: { name: 'Renamed' } })],
      { at: () => later, actorOf: () => null },
    );
    expect(renamed?.createdAt.toISOString()).toBe(later.toISOString());
    // The stored event and the log row both name the per-event actor, not the command's.
    expect(renamed?.actorId).toBeNull();
    const logged = await owner.query<{ actor_id: string | null }>(
      'SELECT actor_id FROM events WHERE id = $1',
      [renamed?.id],
    );
    expect(logged.rows[0]?.actor_id).toBeNull();
  });

  it('without a clock, the database dates the events (now)', async () => {
    const companyId = randomUUID();
    const before = Date.now();
    const [created] = await executeCommand(db, { companyId, actorId: null }, async () => [
      event('COMPANY_CREATED', { id: companyId, name: 'Now', slug: companyId, timezone: 'UTC' }),
    ]);
    expect(created?.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
  });
});

describe('seeding a large company', () => {
  it('writes the people, teams and 30 days of history it reports, dated across those days', async () => {
    const from = '2026-10-01';
    const to = addDays(from, 29);
    const company = await seedCompany(db, {
      workers: 50,
      assignedOn: addDays(from, -1),
      at: new Date(`${addDays(from, -1)}T08:00:00Z`),
      seed: 7,
    });
    // Teams of 20–50 that add up to the workers, each with a lead; a supervisor over them.
    const sizes = company.teams.map((team) => team.memberIds.length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(50);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(20);
    const people = 1 + company.supervisorIds.length + company.teams.length + 50;
    const id = company.companyId;
    expect(await count('SELECT count(*) AS n FROM persons WHERE company_id = $1', [id])).toBe(
      people,
    );
    expect(await count('SELECT count(*) AS n FROM teams WHERE company_id = $1', [id])).toBe(
      company.teams.length,
    );

    const counts = await seedHistory(db, company, { from, to, seed: 7 });
    let workDays = 0;
    for (let date = from; date <= to; date = addDays(date, 1)) {
      if (weekdayOf(date) <= 5) workDays += 1;
    }
    // Every worker, every work day: a check-in or a miss (a late one resolves its miss).
    expect(counts.checkIns + counts.misses).toBe(50 * workDays);
    expect(counts.misses).toBeGreaterThan(0);
    expect(counts.late).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM check_ins WHERE company_id = $1', [id])).toBe(
      counts.checkIns,
    );
    expect(
      await count(
        'SELECT count(*) AS n FROM missed_check_ins WHERE company_id = $1 AND resolved_at IS NULL',
        [id],
      ),
    ).toBe(counts.misses);
    expect(
      await count('SELECT count(*) AS n FROM readiness_alerts WHERE company_id = $1', [id]),
    ).toBe(counts.alerts);
    // No check-in on a weekend, none outside the range.
    expect(
      await count(
        `SELECT count(*) AS n FROM check_ins WHERE company_id = $1
           AND (extract(isodow FROM local_date) > 5 OR local_date < $2 OR local_date > $3)`,
        [id, from, to],
      ),
    ).toBe(0);
    // Each row is dated by its event, at the moment it was submitted, on its own day.
    expect(
      await count(
        `SELECT count(*) AS n FROM check_ins c JOIN events e ON e.id = c.event_id
         WHERE c.company_id = $1 AND (c.created_at <> c.submitted_at OR e.created_at <> c.submitted_at
           OR (c.created_at AT TIME ZONE 'UTC')::date <> c.local_date)`,
        [id],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(DISTINCT (created_at AT TIME ZONE 'UTC')::date) AS n FROM events
         WHERE company_id = $1 AND type = 'CHECK_IN_SUBMITTED'`,
        [id],
      ),
    ).toBe(workDays);
    // The log's order and its dates agree.
    expect(
      await count(
        `SELECT count(*) AS n FROM (
           SELECT created_at < lag(created_at) OVER (ORDER BY position) AS back
           FROM events WHERE company_id = $1) t WHERE back`,
        [id],
      ),
    ).toBe(0);
  });
});
