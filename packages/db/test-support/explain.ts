import type pg from 'pg';
import type { SqlStatement } from '../src/direct-reads.ts';
import { bindCompanySql } from '../src/tenant.ts';

/** `work` on the application role's client, bound to `companyId`, rolled back after. */
export async function inCompany<R>(
  app: pg.Client,
  companyId: string,
  work: () => Promise<R>,
): Promise<R> {
  await app.query('BEGIN');
  try {
    const bind = bindCompanySql(companyId);
    await app.query(bind.text, bind.values);
    return await work();
  } finally {
    await app.query('ROLLBACK');
  }
}

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
  const result = await inCompany(app, companyId, () =>
    app.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN ${generic ? '(GENERIC_PLAN) ' : ''}${statement.text}`,
      generic ? [] : [...statement.values],
    ),
  );
  return result.rows.map((row) => row['QUERY PLAN']).join('\n');
}
