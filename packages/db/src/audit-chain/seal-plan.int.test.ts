import { addDays } from '@aegira/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOwnedDatabase, type OwnedDatabase } from '../../test-support/fresh-database.ts';
import { createDb, type Db } from '../client.ts';
import { bulkSeedHistory } from '../seed/bulk-history.ts';
import { type SeededCompany, seedCompany } from '../seed/company.ts';
import { candidatesQuery, sealCompanyLog } from './seal-log.ts';

// The sealing job's read of unsealed events (seal-log.ts) on a backlog sealed after the
// statistics were taken: the planner believes the company has no seals. As an anti-join it
// then kept every seal of the company in memory and compared each event read with each one
// (quadratic in the backlog); each event must instead probe the seals' (company, event) key.

const FROM = '2026-08-03';

let side: OwnedDatabase;
let db: Db;
let app: pg.Client;
let company: SeededCompany;

beforeAll(async () => {
  side = await createOwnedDatabase();
  db = createDb(side.database.appUrl);
  // Another company's seals, so the statistics hold seals, none of them the backlog's.
  const other = await seedCompany(db, {
    workers: 5,
    assignedOn: addDays(FROM, -1),
    at: new Date(`${addDays(FROM, -1)}T08:00:00Z`),
    seed: 1,
  });
  await sealCompanyLog(db, other.companyId);
  company = await seedCompany(db, {
    workers: 60,
    assignedOn: addDays(FROM, -1),
    at: new Date(`${addDays(FROM, -1)}T08:00:00Z`),
    seed: 2,
  });
  await bulkSeedHistory(side.owner, company, { from: FROM, to: addDays(FROM, 39), seed: 2 });
  await side.owner.query('ANALYZE');
  await sealCompanyLog(db, company.companyId, { batchSize: 500 });
  app = new pg.Client({ connectionString: side.database.appUrl });
  await app.connect();
}, 180_000);

afterAll(async () => {
  await app?.end();
  await db?.$disconnect();
  await side?.owner.end();
  await side?.database.drop();
});

/** The plan of the candidates' read: custom (its values known) or generic (a named statement's). */
async function planOf(after: bigint | null, generic: boolean): Promise<string> {
  const query = candidatesQuery(company.companyId, '0', 5_000, { after, fromTx: null });
  await app.query('BEGIN');
  try {
    await app.query(`SELECT set_config('app.company_id', $1, true)`, [company.companyId]);
    const result = await app.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN ${generic ? '(GENERIC_PLAN) ' : ''}${query.text}`,
      generic ? [] : query.values,
    );
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await app.query('ROLLBACK');
  }
}

describe('finding the unsealed events of a backlog sealed after the statistics', () => {
  it('has a backlog of thousands of sealed events the statistics do not know of', async () => {
    const counted = await side.owner.query<{ seals: string; known: string }>(
      `SELECT (SELECT count(*) FROM event_seals WHERE company_id = $1)::text AS seals,
              (SELECT reltuples::bigint FROM pg_class WHERE relname = 'event_seals')::text AS known`,
      [company.companyId],
    );
    expect(Number(counted.rows[0]?.seals)).toBeGreaterThan(2_000);
    expect(Number(counted.rows[0]?.known)).toBeLessThan(500);
  });

  for (const generic of [false, true]) {
    for (const after of [null, 100n]) {
      const which = `${after === null ? 'first batch' : 'a batch reading on'}, ${generic ? 'generic' : 'custom'} plan`;
      it(`probes the seals' key once per event read (${which})`, async () => {
        const plan = await planOf(after, generic);
        expect(plan).toMatch(/Index Only Scan using event_seals_company_id_event_id_key/);
        expect(plan).toMatch(
          /Index Cond: \(\(company_id = e\.company_id\) AND \(event_id = e\.id\)\)/,
        );
        expect(plan).not.toMatch(/Join Filter|Materialize/);
        // The log is read in position order from where the batch starts, not sorted whole.
        expect(plan).toMatch(
          /Index Scan using events_(position_key|company_id_position_idx) on events e/,
        );
        expect(plan).not.toMatch(/Sort/);
      });
    }
  }

  it('left nothing of the backlog unsealed', async () => {
    expect((await sealCompanyLog(db, company.companyId)).sealed).toBe(0);
  });
});
