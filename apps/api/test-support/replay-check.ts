import { ENTITY_PROJECTIONS, type LoggedEvent, rebuildCompany } from '@aegira/db';
import type { EventType } from '@aegira/events';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import {
  createFreshDatabase,
  type FreshDatabase,
} from '../../../packages/db/test-support/fresh-database.ts';

/**
 * Every table a projection writes (and its versions table), from the projection registry,
 * so that a new projection is compared by every replay test without being listed here.
 */
export const ENTITY_TABLES: readonly string[] = ENTITY_PROJECTIONS.flatMap((projection) =>
  projection.versions ? [projection.table, projection.versions] : [projection.table],
);

interface LogRow {
  id: string;
  company_id: string;
  actor_id: string | null;
  actor_token_id: string | null;
  type: EventType;
  entity_type: string;
  entity_id: string;
  payload: unknown;
  schema_version: number;
  created_at: Date;
}

/** A company's log as stored, in append order (read past row-level security as the owner). */
export async function companyLog(owner: pg.Client, companyId: string): Promise<LoggedEvent[]> {
  const log = await owner.query<LogRow>(
    'SELECT * FROM events WHERE company_id = $1 ORDER BY position',
    [companyId],
  );
  return log.rows.map((row) => ({
    id: row.id,
    companyId: row.company_id,
    actorId: row.actor_id,
    actorTokenId: row.actor_token_id,
    type: row.type,
    entityType: row.entity_type,
    entityId: row.entity_id,
    payload: row.payload,
    schemaVersion: row.schema_version,
    createdAt: row.created_at,
  }));
}

/** A table's rows of one company, every column. */
export async function tableRows(
  client: pg.Client,
  table: string,
  companyId: string,
): Promise<Array<Record<string, unknown>>> {
  const column = table === 'companies' ? 'id' : 'company_id';
  const result = await client.query(
    `SELECT * FROM ${table} WHERE ${column} = $1 ORDER BY id, updated_at`,
    [companyId],
  );
  return result.rows;
}

/**
 * A company's notifications without their read and archived marks: replay rebuilds the read
 * model from the events (decision 015), the marks are the recipients' and are not events.
 * Reminders have no causing event and are left out too.
 */
export async function notificationRows(
  client: pg.Client,
  companyId: string,
): Promise<Array<Record<string, unknown>>> {
  const result = await client.query(
    `SELECT id, company_id, recipient_id, kind, group_key, event_id, event_ids, data, created_at
     FROM notifications WHERE company_id = $1 AND event_id IS NOT NULL ORDER BY id`,
    [companyId],
  );
  return result.rows;
}

/**
 * Rebuilds a company's log from one database into another through the product's rebuild
 * (what `pnpm db:replay` and the benchmark run), and returns each entity table as it is in both.
 */
export async function replayAndCompare(
  source: pg.Client,
  target: { appUrl: string; owner: pg.Client },
  companyId: string,
): Promise<{
  events: number;
  tables: Array<{
    table: string;
    original: Array<Record<string, unknown>>;
    replayed: Array<Record<string, unknown>>;
  }>;
}> {
  const { events } = await rebuildCompany(source, target.owner, companyId);
  const tables = [];
  for (const table of ENTITY_TABLES) {
    tables.push({
      table,
      original: await tableRows(source, table, companyId),
      replayed: await tableRows(target.owner, table, companyId),
    });
  }
  tables.push({
    table: 'notifications (read marks aside)',
    original: await notificationRows(source, companyId),
    replayed: await notificationRows(target.owner, companyId),
  });
  return { events, tables };
}

/** An empty database to replay into, for the file's tests: created before them, dropped after. */
export function useReplayTarget(): () => { appUrl: string; owner: pg.Client } {
  let target: FreshDatabase | undefined;
  let owner: pg.Client | undefined;
  beforeAll(async () => {
    target = await createFreshDatabase();
    owner = new pg.Client({ connectionString: target.ownerUrl });
    // Dropping the database at the end terminates the backend (57P01): not a failure.
    owner.on('error', () => undefined);
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await target?.drop();
  });
  return () => {
    if (!target || !owner) throw new Error('beforeAll did not create the replay target');
    return { appUrl: target.appUrl, owner };
  };
}
