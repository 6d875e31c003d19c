// `pnpm db:replay --company <slug> [--verify] [--keep]`: rebuilds one company into a fresh
// database on the same server with the product's rebuild (the projections the write path
// runs, over the whole log at once: src/rebuild/rebuild-company.ts), which also copies the
// append-only logs no event rebuilds (seals, audit rows), and with --verify compares every
// log, entity and history table with the live one, row by row.
import { randomBytes } from 'node:crypto';
import { env } from '@aegira/config';
import pg from 'pg';
import { compareCompany } from '../src/rebuild/compare-company.ts';
import { rebuildCompany } from '../src/rebuild/rebuild-company.ts';
import {
  createDatabaseIfMissing,
  ensureDatabase,
  prepareDatabase,
} from '../src/server/database.ts';
import { quoteIdent, urlWithDatabase, withClient } from '../src/server/pg-util.ts';
import { companyIdBySlug, parseArgs, runCli, UsageError } from './cli-args.ts';

/** Prints each table's comparison; returns how many tables differ. */
async function compare(source: pg.Client, target: pg.Client, companyId: string): Promise<number> {
  let differing = 0;
  for (const { table, rows, missing, extra } of await compareCompany(source, target, companyId)) {
    if (missing.length === 0 && extra.length === 0) {
      process.stdout.write(`  ${table}: ${rows} rows, identical\n`);
      continue;
    }
    differing += 1;
    process.stdout.write(
      `  ${table}: ${missing.length} live rows not rebuilt, ${extra.length} rebuilt rows not live\n`,
    );
    for (const row of missing.slice(0, 3)) process.stdout.write(`    - ${row.slice(0, 300)}\n`);
    for (const row of extra.slice(0, 3)) process.stdout.write(`    + ${row.slice(0, 300)}\n`);
  }
  return differing;
}

runCli(async () => {
  const { options, switches } = parseArgs(process.argv.slice(2), ['verify', 'keep']);
  const slug = options.get('company');
  if (!slug) throw new UsageError('Usage: pnpm db:replay --company <slug> [--verify] [--keep]');
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const database = await ensureDatabase({ log: () => undefined });
  const targetName = `aegira_replay_${randomBytes(4).toString('hex')}`;
  const targetOwnerUrl = urlWithDatabase(database.ownerUrl, targetName);
  const source = new pg.Client({ connectionString: database.ownerUrl });
  await source.connect();
  try {
    const companyId = await companyIdBySlug(database.ownerUrl, slug);
    const count = await source.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM events WHERE company_id = $1',
      [companyId],
    );
    const total = Number(count.rows[0]?.n ?? 0);
    say(`Replaying ${slug} (${total} events) into a fresh database ${targetName}…`);
    await createDatabaseIfMissing(targetOwnerUrl);
    await prepareDatabase(targetOwnerUrl, {
      log: () => undefined,
      appPassword: env().AEGIRA_APP_DB_PASSWORD,
    });
    const target = new pg.Client({ connectionString: targetOwnerUrl });
    await target.connect();
    try {
      const started = performance.now();
      const { events, phases } = await rebuildCompany(source, target, companyId, {
        onProgress: (done) => {
          const seconds = (performance.now() - started) / 1000;
          process.stdout.write(
            `\r  read ${done} / ${total} events (${Math.round(done / seconds)} events/s)`,
          );
        },
      });
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write('\n');
      say(
        `Rebuilt ${events} events in ${seconds.toFixed(1)} s = ${Math.round(events / seconds)} events/s.`,
      );
      say(
        `  (${Object.entries(phases)
          .map(([name, s]) => `${name} ${s.toFixed(2)} s`)
          .join(', ')})`,
      );
      if (!switches.has('verify')) return 0;
      say(
        'Comparing every log, entity and history table and the notifications with the live database:',
      );
      const differing = await compare(source, target, companyId);
      say(differing === 0 ? 'Every table is identical.' : `${differing} tables differ.`);
      return differing === 0 ? 0 : 1;
    } finally {
      await target.end();
    }
  } finally {
    await source.end();
    if (!switches.has('keep')) {
      await withClient(database.ownerUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(targetName)} WITH (FORCE)`),
      );
    } else {
      say(`Kept ${targetName}.`);
    }
    await database.stop();
  }
});
