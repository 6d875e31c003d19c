import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainInCompany, inCompany } from '../../test-support/explain.ts';
import {
  type HistoryDatabase,
  openHistoryDatabase,
  seedWithHistory,
} from '../../test-support/history-database.ts';
import type { SqlStatement } from '../direct-reads.ts';
import type { SeededCompany } from '../seed/company.ts';
import { loadRowsStatement, updateRowsStatement } from './apply-events.ts';
import type { TrackedRow } from './define-projection.ts';
import { fromColumns } from './row-state.ts';

// How the write path finds the rows a command changes (apply-events.ts). With the ids given as
// a set-returning function, PostgreSQL guessed 100 of them and, in a table of a few thousand
// rows, hashed the whole table to find one: every amend read every check-in. The plans are
// read at a size where that happened (~4,000 check-ins, fresh statistics), as the custom plan
// of the first executions and as the generic plan a named statement settles on.

let side: HistoryDatabase;
let company: SeededCompany;

beforeAll(async () => {
  side = await openHistoryDatabase();
  company = await seedWithHistory(side, { workers: 80, from: '2026-09-01', days: 70, seed: 3 });
  await side.owner.query('ANALYZE');
}, 180_000);

afterAll(async () => {
  await side?.close();
});

function planOf(statement: SqlStatement, generic: boolean): Promise<string> {
  return explainInCompany(side.app, company.companyId, statement, { generic });
}

async function someCheckIn(): Promise<TrackedRow> {
  const found = await side.owner.query<{ id: string }>(
    'SELECT id FROM check_ins WHERE company_id = $1 ORDER BY id LIMIT 1',
    [company.companyId],
  );
  const id = found.rows[0]?.id ?? '';
  const statement = loadRowsStatement('check_ins', [id]);
  const loaded = await inCompany(side.app, company.companyId, () =>
    side.app.query<{ row: Record<string, unknown> }>(statement.text, [...statement.values]),
  );
  return fromColumns(loaded.rows[0]?.row ?? {}) as unknown as TrackedRow;
}

describe('the rows a command changes are found by their ids', () => {
  it('at the size measured: thousands of check-ins with fresh statistics', async () => {
    const counted = await side.owner.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM check_ins',
    );
    expect(Number(counted.rows[0]?.n)).toBeGreaterThan(3_000);
  });

  for (const generic of [false, true]) {
    const which = generic ? 'generic' : 'custom';

    it(`loading one check-in probes an index on its id (${which} plan)`, async () => {
      const row = await someCheckIn();
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      const plan = await planOf(loadRowsStatement('check_ins', [row.id]), generic);
      expect(plan).not.toMatch(/Seq Scan|Hash/);
      expect(plan).toMatch(/Index Cond: .*\bid = ANY/);
    });

    it(`updating one check-in probes an index on its id (${which} plan)`, async () => {
      const plan = await planOf(updateRowsStatement('check_ins', [await someCheckIn()]), generic);
      expect(plan).not.toMatch(/Seq Scan on check_ins/);
      expect(plan).toMatch(/Index Cond: .*\bid = ANY/);
    });
  }
});
