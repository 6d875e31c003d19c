import type pg from 'pg';
import type { SqlStatement } from '../src/direct-reads.ts';

/**
 * The plan of `statement` as the application role runs it in `companyId` (row-level security
 * applies), in a transaction rolled back after: the custom plan, for its values, or with
 * `generic` the plan a named statement settles on after its fifth run (decision 043).
 */
export async function explainInCompany(
  app: pg.Client,
  companyId: string,
  statement: SqlStatement,
  { generic }: { generic: boolean },
): Promise<string> {
  await app.query('BEGIN');
  try {
    await app.query(`SELECT set_config('app.company_id', $1, true)`, [companyId]);
    const result = await app.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN ${generic ? '(GENERIC_PLAN) ' : ''}${statement.text}`,
      generic ? [] : [...statement.values],
    );
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await app.query('ROLLBACK');
  }
}
