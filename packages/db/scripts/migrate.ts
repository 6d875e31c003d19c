// `pnpm db:migrate`: bring the database (embedded, or DATABASE_URL) up to date, then exit.
// Usage: tsx scripts/migrate.ts [--migrations-dir <dir>]
import { parseArgs } from 'node:util';
import { ensureDatabase } from '../src/server/database.ts';
import { redactUrl } from '../src/server/pg-util.ts';

const { values } = parseArgs({ options: { 'migrations-dir': { type: 'string' } } });

try {
  const database = await ensureDatabase({
    log: (message) => console.log(message),
    migrationsDir: values['migrations-dir'],
  });
  console.log(
    `Database ready: ${redactUrl(database.ownerUrl)} (application role: ${redactUrl(database.appUrl)})`,
  );
  await database.stop();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
