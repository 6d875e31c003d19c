import type { Db } from '@aegira/db';
import { JOB_QUEUE_SCHEMA } from '@aegira/db/server';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from '../src/http/logger.ts';
import { workVerifyAuditLog } from '../src/jobs/verify-audit-log-worker.ts';

/**
 * A worker of the verify-audit-log queue beside a test server (which runs no jobs), as an
 * instance with AEGIRA_JOBS=on would run it. Returns its stop.
 */
export async function startVerifyWorker(
  appUrl: string,
  deps: { db: Db; logger: Logger },
): Promise<() => Promise<void>> {
  const boss = new PgBoss({
    connectionString: appUrl,
    schema: JOB_QUEUE_SCHEMA,
    max: 2,
    migrate: false,
    supervise: false,
    schedule: false,
    pollingIntervalSeconds: 0.5,
  });
  boss.on('error', () => undefined);
  await boss.start();
  await workVerifyAuditLog(boss, deps);
  return () => boss.stop({ graceful: false, wait: true });
}

/** An edit of the events table by its owner, past the append-only guard (a tamper test). */
export async function ownerEditEvents(
  ownerUrl: string,
  sql: string,
  params: unknown[],
): Promise<void> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query('BEGIN');
    await owner.query('SET LOCAL session_replication_role = replica');
    await owner.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
    await owner.query(sql, params);
    await owner.query('ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only');
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  } finally {
    await owner.end();
  }
}
