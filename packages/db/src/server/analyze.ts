import { withClient } from './pg-util.ts';

/**
 * Fresh planner statistics for the whole database. After a bulk load (the large-company
 * seed) autovacuum catches up only later, and until then the dashboard queries plan on
 * stale row counts and run 10–100 times slower. ANALYZE needs the tables' owner.
 */
export async function analyzeDatabase(ownerUrl: string): Promise<void> {
  await withClient(ownerUrl, (client) => client.query('ANALYZE'));
}
