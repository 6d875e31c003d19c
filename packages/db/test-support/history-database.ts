import { addDays } from '@aegira/domain';
import pg from 'pg';
import { createDb, type Db } from '../src/client.ts';
import { bulkSeedHistory } from '../src/seed/bulk-history.ts';
import { type SeededCompany, seedCompany } from '../src/seed/company.ts';
import { createOwnedDatabase, type OwnedDatabase } from './fresh-database.ts';

/** A fresh database with its owner, the write path's client and an application-role client. */
export interface HistoryDatabase extends OwnedDatabase {
  db: Db;
  app: pg.Client;
  close(): Promise<void>;
}

export async function openHistoryDatabase(): Promise<HistoryDatabase> {
  const side = await createOwnedDatabase();
  const db = createDb(side.database.appUrl);
  const app = new pg.Client({ connectionString: side.database.appUrl });
  await app.connect();
  return {
    ...side,
    db,
    app,
    close: async () => {
      await app.end();
      await db.$disconnect();
      await side.owner.end();
      await side.database.drop();
    },
  };
}

/**
 * A company whose workers joined the day before `from`, with `days` days of history written
 * by the bulk seed (none when 0).
 */
export async function seedWithHistory(
  side: HistoryDatabase,
  { workers, from, days, seed }: { workers: number; from: string; days: number; seed: number },
): Promise<SeededCompany> {
  const company = await seedCompany(side.db, {
    workers,
    assignedOn: addDays(from, -1),
    at: new Date(`${addDays(from, -1)}T08:00:00Z`),
    seed,
  });
  if (days > 0) {
    await bulkSeedHistory(side.owner, company, { from, to: addDays(from, days - 1), seed });
  }
  return company;
}
