import type { Db, ReadTx } from './client.ts';
import { Prisma } from './generated/prisma/client.ts';
import { type CommandTx, openTransaction, sqlOf } from './transaction-connections.ts';

// Per-call overrides of the client's interactive-transaction limits: none. createDb sets
// maxWait (5 s) and timeout (20 s) once per client, so tests can shorten them (decision 034).
export const TRANSACTION_OPTIONS = {} as const;

/**
 * Runs `work` in one read-only transaction bound to a company: Postgres
 * row-level security then shows only that company's rows. Writes go through
 * executeCommand; this handle cannot make them (ReadTx).
 */
export async function withTenant<R>(
  db: Db,
  companyId: string,
  work: (tx: ReadTx) => Promise<R>,
): Promise<R> {
  return openTransaction(
    db,
    async (tx) => {
      await bindCompany(tx, companyId);
      return work(tx);
    },
    TRANSACTION_OPTIONS,
  );
}

/** set_config(..., true) is transaction-local, so a pooled connection never keeps a tenant. */
export function bindCompanySql(companyId: string): Prisma.Sql {
  return Prisma.sql`SELECT set_config('app.company_id', ${companyId}, true)`;
}

export async function bindCompany(tx: ReadTx | CommandTx, companyId: string): Promise<void> {
  await sqlOf(tx).rows(bindCompanySql(companyId));
}
