// `pnpm db:migration <name> [--empty]`: write the next migration from the changes to
// prisma/schema.prisma since the last migration. --empty writes one with no statements, for
// hand-written SQL (policies, grants, functions) that the schema language cannot express.
// Usage: tsx scripts/new-migration.ts <name> [--empty] [--schema <file>] [--migrations-dir <dir>]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { env } from '@aegira/config';
import { startEmbeddedPostgres } from '../src/server/embedded-postgres.ts';
import { createMigration } from '../src/server/new-migration.ts';
import { migrationsDir, schemaPath } from '../src/server/paths.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    empty: { type: 'boolean', default: false },
    schema: { type: 'string' },
    'migrations-dir': { type: 'string' },
  },
});

try {
  // The engine insists on a live connection even for a diff of two schema texts; the diff
  // itself reads and writes nothing in that database.
  const databaseUrl = env().DATABASE_URL;
  const server = databaseUrl
    ? { ownerUrl: databaseUrl, stop: async () => undefined }
    : await startEmbeddedPostgres();
  try {
    const result = await createMigration({
      name: positionals.filter((arg) => arg !== '--')[0] ?? '',
      empty: values.empty,
      schemaPath: path.resolve(values.schema ?? schemaPath),
      migrationsDir: path.resolve(values['migrations-dir'] ?? migrationsDir),
      engineUrl: server.ownerUrl,
    });
    if (result.kind === 'created') {
      for (const warning of result.warnings) console.warn(warning);
      console.log(`Wrote ${path.relative(process.cwd(), result.migrationFile)}`);
    } else {
      console.log(
        `No changes: schema.prisma matches the last migration${result.since ? ` (${result.since})` : ''}.`,
      );
    }
  } finally {
    await server.stop();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
