import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainInCompany } from '../../test-support/explain.ts';
import {
  type HistoryDatabase,
  openHistoryDatabase,
  seedWithHistory,
} from '../../test-support/history-database.ts';
import type { SeededCompany } from '../seed/company.ts';
import { candidatesQuery, sealCompanyLog } from './seal-log.ts';

// The sealing job's read of unsealed events (seal-log.ts) on a backlog sealed after the
// statistics were taken: the planner believes the company has no seals. As an anti-join it
// then kept every seal of the company in memory and compared each event read with each one
// (quadratic in the backlog); each event must instead probe the seals' (company, event) key.

const FROM = '2026-08-03';

let side: HistoryDatabase;
let company: SeededCompany;

beforeAll(async () => {
  side = await openHistoryDatabase();
  // Another company's seals, so the statistics hold seals, none of them the backlog's.
  const other = await seedWithHistory(side, { workers: 5, from: FROM, days: 0, seed: 1 });
  await sealCompanyLog(side.db, other.companyId);
  company = await seedWithHistory(side, { workers: 60, from: FROM, days: 40, seed: 2 });
  await side.owner.query('ANALYZE');
  await sealCompanyLog(side.db, company.companyId, { batchSize: 500 });
}, 180_000);

afterAll(async () => {
  await side?.close();
});

/** The plan of the candidates' read: custom (its values known) or generic (a named statement's). */
function planOf(after: bigint | null, generic: boolean): Promise<string> {
  const query = candidatesQuery(company.companyId, '0', 5_000, { after, fromTx: null });
  return explainInCompany(side.app, company.companyId, query, { generic });
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
    expect((await sealCompanyLog(side.db, company.companyId)).sealed).toBe(0);
  });
});
