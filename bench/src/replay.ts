import { env } from '@aegira/config';
import { rebuildCompany } from '@aegira/db';
import { createDatabaseIfMissing, prepareDatabase } from '@aegira/db/server';
import pg from 'pg';

/**
 * P3: rebuilds one company into an empty database with the product's rebuild
 * (packages/db/src/rebuild), streaming its log from the source; the time covers
 * reading and rebuilding.
 */
export async function measureReplay(ownerUrl: string, companyId: string) {
  const targetUrl = new URL(ownerUrl);
  targetUrl.pathname = '/aegira_bench_replay';
  await createDatabaseIfMissing(targetUrl.toString());
  await prepareDatabase(targetUrl.toString(), {
    log: () => undefined,
    appPassword: env().AEGIRA_APP_DB_PASSWORD,
  });
  const source = new pg.Client({ connectionString: ownerUrl });
  const target = new pg.Client({ connectionString: targetUrl.toString() });
  await source.connect();
  await target.connect();
  const started = performance.now();
  let result: Awaited<ReturnType<typeof rebuildCompany>>;
  try {
    result = await rebuildCompany(source, target, companyId, {
      onProgress: (done) => process.stdout.write(`\r  ${done} events`),
    });
  } finally {
    await source.end();
    await target.end();
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write('\n');
  return {
    events: result.events,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(result.events / seconds),
    phases: result.phases,
  };
}
