import { env } from '@aegira/config';
import { createDb, type LoggedEvent, replayCompanyEvents } from '@aegira/db';
import { createDatabaseIfMissing, prepareDatabase } from '@aegira/db/server';
import type { EventType } from '@aegira/events';
import pg from 'pg';

const PAGE = 50_000;

interface LogRow {
  id: string;
  actor_id: string | null;
  actor_token_id: string | null;
  type: EventType;
  entity_type: string;
  entity_id: string;
  payload: unknown;
  schema_version: number;
  created_at: Date;
  position: string;
}

/**
 * P3: rebuilds one company into an empty database with the product's replay,
 * reading its log page by page; the time covers reading and rebuilding.
 */
export async function measureReplay(ownerUrl: string, companyId: string) {
  const targetUrl = new URL(ownerUrl);
  targetUrl.pathname = '/aegira_bench_replay';
  await createDatabaseIfMissing(targetUrl.toString());
  const appUrl = await prepareDatabase(targetUrl.toString(), {
    log: () => undefined,
    appPassword: env().AEGIRA_APP_DB_PASSWORD,
  });
  const source = new pg.Client({ connectionString: ownerUrl });
  await source.connect();
  const target = createDb(appUrl);
  let events = 0;
  const started = performance.now();
  try {
    let after = '0';
    for (;;) {
      const page = await source.query<LogRow>(
        `SELECT id, actor_id, actor_token_id, type, entity_type, entity_id, payload, schema_version,
                created_at, e.position::text AS position
         FROM events e WHERE e.company_id = $1 AND e.position > $2::bigint
         ORDER BY e.position LIMIT $3`,
        [companyId, after, PAGE],
      );
      if (page.rows.length === 0) break;
      const logged: LoggedEvent[] = page.rows.map((row) => ({
        id: row.id,
        companyId,
        actorId: row.actor_id,
        actorTokenId: row.actor_token_id,
        type: row.type,
        entityType: row.entity_type,
        entityId: row.entity_id,
        payload: row.payload,
        schemaVersion: row.schema_version,
        createdAt: row.created_at,
      }));
      events += await replayCompanyEvents(target, companyId, logged, { batchSize: 10_000 });
      after = page.rows.at(-1)?.position ?? after;
      process.stdout.write(`\r  ${events} events`);
    }
  } finally {
    await source.end();
    await target.$disconnect();
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write('\n');
  return {
    events,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(events / seconds),
  };
}
