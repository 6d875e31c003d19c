import type { Db, ReadTx } from './client.ts';
import type { DirectRead } from './direct-reads.ts';
import { Prisma } from './generated/prisma/client.ts';
import {
  type CommandTx,
  openSqlTransaction,
  openTransaction,
  sqlOf,
} from './transaction-connections.ts';

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

/**
 * withTenant on the driver (decision 044): `work`'s statements in one READ ONLY transaction
 * bound to `companyId`, so row-level security scopes them and the database refuses any write.
 * It is openSqlTransaction's, so it keeps the same limits (maxWait, timeout) and the same care
 * of a connection that breaks while checked out.
 */
export function withTenantDirect<R>(
  db: Db,
  companyId: string,
  work: (read: DirectRead) => Promise<R>,
): Promise<R> {
  return openSqlTransaction(
    db,
    async (tx) => {
      await bindCompany(tx, companyId);
      return work(sqlOf(tx));
    },
    { readOnly: true },
  );
}

/** One statement of withTenantDirect. */
export function readInTenant<Row>(
  db: Db,
  companyId: string,
  statement: Prisma.Sql,
): Promise<Row[]> {
  return withTenantDirect(db, companyId, (read) => read.rows<Row>(statement));
}
