import { withClient } from './pg-util.ts';

/**
 * Fresh planner statistics and visibility map for the whole database. After a bulk load (the
 * large-company seed) autovacuum catches up only later: until then the dashboard queries plan
 * on stale row counts (10–100 times slower), and index-only scans (the analytics' check-in
 * reads) still visit the table for every row, since no page is yet marked all-visible.
 * VACUUM needs the tables' owner and runs outside a transaction.
 */
export async function analyzeDatabase(ownerUrl: string): Promise<void> {
  await withClient(ownerUrl, (client) => client.query('VACUUM (ANALYZE)'));
}
