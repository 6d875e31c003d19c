import type { Db, Tx } from './client.ts';

// Generous limits: a burst of concurrent writes (e.g. 20 check-ins for one
// person at once) must queue for a connection rather than fail.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

/**
 * Runs `work` in one transaction bound to a company: Postgres row-level
 * security then shows and accepts only that company's rows. This and the write
 * path are the only ways application code reaches tenant tables.
 */
export async function withTenant<R>(
  db: Db,
  companyId: string,
  work: (tx: Tx) => Promise<R>,
): Promise<R> {
  return db.$transaction(async (tx) => {
    await bindCompany(tx, companyId);
    return work(tx);
  }, TRANSACTION_OPTIONS);
}

/** set_config(..., true) is transaction-local, so a pooled connection never keeps a tenant. */
export async function bindCompany(tx: Tx, companyId: string): Promise<void> {
  await tx.$queryRaw`SELECT set_config('app.company_id', ${companyId}, true)`;
}

export { TRANSACTION_OPTIONS };
