import type pg from 'pg';
import PgBoss from 'pg-boss';
import { quoteIdent, withClient } from './pg-util.ts';

// The job queue (pg-boss 10, docs/decisions/013-job-queue.md) lives in its own schema of the
// application's database. Like every other schema object it is created and upgraded here, by
// the owner, at migration time; the application role only reads and writes its rows.

/** pg-boss's schema. */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/**
 * The queues the application uses. In pg-boss 10 every queue is a table (a partition of
 * `pgboss.job`) that only the owner may create, so a new job starts with its name here.
 */
export const JOB_QUEUES = {
  /** Cron: lists the companies and sends each one its per-company jobs. */
  fanOut: 'fan-out-company-jobs',
  detectMissedCheckIns: 'detect-missed-check-ins',
  completeDueTransfers: 'complete-due-transfers',
  /** Every minute: alerts with no countermeasure after 60 minutes go to the supervisor or WHS. */
  escalateReadinessAlerts: 'escalate-readiness-alerts',
  /** A worker who has not checked in 30 minutes before their window closes is reminded once. */
  sendCheckInReminders: 'send-check-in-reminders',
  /** Notifications read more than 90 days ago are deleted. */
  pruneNotifications: 'prune-notifications',
  /** Every minute: seals the company's committed events into its hash chain (decision 016). */
  sealAuditLog: 'seal-audit-log',
  /** Hourly, when the chain grew: signs a checkpoint of its head (decision 017). */
  signAuditCheckpoint: 'sign-audit-checkpoint',
  /** On demand by an admin: verifies the live chain as an auditor would, with progress. */
  verifyAuditLog: 'verify-audit-log',
} as const;

export type JobQueueName = (typeof JOB_QUEUES)[keyof typeof JOB_QUEUES];

/**
 * pg-boss's own queue for cron: each instance's scheduler inserts the due job there and a worker
 * moves it to its queue. Instances try to create it when they start and ignore a failure.
 */
const PG_BOSS_CRON_QUEUE = '__pgboss__send-it';

// Serialises installers of one database (several instances may start at once): concurrent
// GRANTs on one table fail with "tuple concurrently updated". pg-boss takes its own lock
// around creating and migrating its schema; this one also covers our queues and grants.
const JOB_QUEUE_LOCK_KEY = 4_242_002;

export interface InstallJobQueueOptions {
  /** The application's role (APP_ROLE). */
  appRole: string;
  log?: (message: string) => void;
}

/**
 * Create or upgrade pg-boss's schema and the application's queues as the owner, then grant
 * the application role what pg-boss does at run time: row access to its tables and the use of
 * its functions. That role gets no CREATE on the schema and owns nothing in it. Idempotent.
 */
export async function installJobQueue(
  ownerUrl: string,
  options: InstallJobQueueOptions,
): Promise<void> {
  const log = options.log ?? (() => undefined);
  await withClient(ownerUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [JOB_QUEUE_LOCK_KEY]);
    try {
      const created = await createSchemaAndQueues(ownerUrl);
      if (created.length > 0) log(`Job queue: created ${created.join(', ')}`);
      await grantToAppRole(client, options.appRole);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [JOB_QUEUE_LOCK_KEY]);
    }
  });
}

/** Starting pg-boss with `migrate` creates its schema, or brings it to this version's. */
async function createSchemaAndQueues(ownerUrl: string): Promise<string[]> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOB_QUEUE_SCHEMA,
    application_name: 'aegira-migrate',
    max: 2,
    migrate: true,
    // Only the schema: no maintenance timers, no cron, no workers in this short-lived instance.
    supervise: false,
    schedule: false,
  });
  let failure: unknown;
  boss.on('error', (error: unknown) => {
    failure ??= error;
  });
  await boss.start();
  const created: string[] = [];
  try {
    for (const name of [...Object.values(JOB_QUEUES), PG_BOSS_CRON_QUEUE]) {
      if (await boss.getQueue(name)) continue;
      await boss.createQueue(name, { name, policy: 'standard' });
      created.push(name);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  if (failure !== undefined) throw failure;
  return created;
}

async function grantToAppRole(client: pg.Client, appRole: string): Promise<void> {
  const schema = quoteIdent(JOB_QUEUE_SCHEMA);
  const role = quoteIdent(appRole);
  // Re-run after every upgrade, so tables a new pg-boss version adds are covered too.
  await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
  await client.query(
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`,
  );
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`);
  // create_queue/delete_queue run as the caller (SECURITY INVOKER): without CREATE on the
  // schema, APP_ROLE can call create_queue only for a queue that already exists (a no-op), as
  // each instance's scheduler does for its cron queue.
  await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${role}`);
}
