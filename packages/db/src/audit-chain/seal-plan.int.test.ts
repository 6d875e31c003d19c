import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainInCompany } from '../../test-support/explain.ts';
import {
  type HistoryDatabase,
  openHistoryDatabase,
  seedWithHistory,
} from '../../test-support/history-database.ts';
import type { SeededCompany } from '../seed/company.ts';
import { openSqlTransaction, sql, sqlOf } from '../transaction-connections.ts';
import { candidatesQuery, plannedForValues, sealCompanyLog } from './seal-log.ts';

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

/** The plan of the candidates' read for these values (chain work plans each run; see below). */
function planOf(watermark: string, after: bigint | null): Promise<string> {
  const query = candidatesQuery(company.companyId, watermark, 5_000, { after, fromTx: null });
  return explainInCompany(side.app, company.companyId, query, { generic: false });
}

async function watermarkNow(): Promise<string> {
  const head = await side.owner.query<{ settled: string }>(
    `SELECT settled_below_tx::text AS settled FROM event_seals WHERE company_id = $1
     ORDER BY seq DESC LIMIT 1`,
    [company.companyId],
  );
  return head.rows[0]?.settled ?? '0';
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

  for (const after of [null, 100n]) {
    const which = after === null ? 'first batch' : 'a batch reading on';
    it(`probes the seals' key once per event read (${which})`, async () => {
      const plan = await planOf('0', after);
      expect(plan).toMatch(/Index Only Scan using event_seals_company_id_event_id_key/);
      expect(plan).toMatch(
        /Index Cond: \(\(company_id = e\.company_id\) AND \(event_id = e\.id\)\)/,
      );
      expect(plan).not.toMatch(/Join Filter|Materialize/);
    });
  }

  it("reads a run's first batch through the watermark's index, not the whole log", async () => {
    const watermark = await watermarkNow();
    expect(BigInt(watermark)).toBeGreaterThan(0n);
    const plan = await planOf(watermark, null);
    expect(plan).toMatch(/Index Scan using events_company_id_tx_id_idx on events e/);
  });

  it('plans that read for its values, never by a generic plan that knows no watermark', async () => {
    const modes = await openSqlTransaction(side.db, async (tx) => {
      const show = async () =>
        (await sqlOf(tx).rows<{ plan_cache_mode: string }>(sql('SHOW plan_cache_mode')))[0]
          ?.plan_cache_mode;
      const during = await plannedForValues(tx, show);
      return [during, await show()];
    });
    // Only the read: the rest of the transaction (the seals' key checks) keeps cached plans.
    expect(modes).toEqual(['force_custom_plan', 'auto']);
  });

  it('left nothing of the backlog unsealed', async () => {
    expect((await sealCompanyLog(side.db, company.companyId)).sealed).toBe(0);
  });
});
