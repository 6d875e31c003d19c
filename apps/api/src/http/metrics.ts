import { timingSafeEqual } from 'node:crypto';
import type { Db } from '@aegira/db';
import type { NextFunction, Request, Response } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of this process (prom-client). One registry per process;
 * the database-wide gauges (connections, queue lag) are read at scrape time
 * through `bindDatabaseGauges`, so every instance reports the same values for them.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'aegira_' });

export const procedureDuration = new Histogram({
  name: 'aegira_procedure_duration_seconds',
  help: 'Time to answer one tRPC procedure call, by procedure, type and outcome (ok or tRPC error code).',
  labelNames: ['procedure', 'type', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const eventsAppended = new Counter({
  name: 'aegira_events_appended_total',
  help: 'Events committed to the event log by this instance, by type.',
  labelNames: ['type'] as const,
  registers: [registry],
});

export const jobRuns = new Counter({
  name: 'aegira_job_runs_total',
  help: 'Per-company job runs finished by this instance, by queue and outcome.',
  labelNames: ['queue', 'outcome'] as const,
  registers: [registry],
});

export const jobRunDuration = new Histogram({
  name: 'aegira_job_run_duration_seconds',
  help: 'Duration of per-company job runs on this instance, by queue.',
  labelNames: ['queue'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60],
  registers: [registry],
});

const liveSubscriptionGauge = new Gauge({
  name: 'aegira_live_subscriptions',
  help: 'Live-update subscriptions open on this instance.',
  registers: [registry],
});

/** For the live-updates code: call inc() when a subscription opens and dec() when it closes. */
export const liveSubscriptions = {
  inc: () => liveSubscriptionGauge.inc(),
  dec: () => liveSubscriptionGauge.dec(),
};

/** Called by the tRPC middleware around every procedure call. */
export function recordProcedure(
  procedure: string,
  type: string,
  outcome: string,
  seconds: number,
): void {
  procedureDuration.observe({ procedure, type, outcome }, seconds);
}

/** Called once per committed command with the types of the events it stored. */
export function recordEventsAppended(types: readonly string[]): void {
  for (const type of types) eventsAppended.inc({ type });
}

export function recordJobRun(queue: string, outcome: 'succeeded' | 'failed', seconds: number) {
  jobRuns.inc({ queue, outcome });
  jobRunDuration.observe({ queue }, seconds);
}

interface CountRow {
  state: string | null;
  n: bigint | number;
}
interface LagRow {
  name: string;
  waiting: bigint | number;
  lag: number | null;
}

/**
 * Gauges read from PostgreSQL at scrape time: this role's connections by state
 * (all instances' pools together, against max_connections) and, per job queue,
 * the jobs waiting and the age of the oldest one that is due (queue lag).
 */
export function bindDatabaseGauges(db: Db): void {
  registry.removeSingleMetric('aegira_db_connections');
  registry.removeSingleMetric('aegira_job_queue_waiting');
  registry.removeSingleMetric('aegira_job_queue_lag_seconds');
  const connections = new Gauge({
    name: 'aegira_db_connections',
    help: 'Connections of the application role to PostgreSQL (every instance), by state.',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const rows = await db.$queryRaw<CountRow[]>`
        SELECT state, count(*) AS n FROM pg_stat_activity
        WHERE usename = current_user GROUP BY state`;
      this.reset();
      for (const row of rows) this.set({ state: row.state ?? 'unknown' }, Number(row.n));
    },
  });
  const waiting = new Gauge({
    name: 'aegira_job_queue_waiting',
    help: 'Jobs created or waiting for retry and due, by queue.',
    labelNames: ['queue'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'aegira_job_queue_lag_seconds',
    help: 'Age of the oldest due job not yet started, by queue (0 when none waits).',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      const rows = await db.$queryRaw<LagRow[]>`
        SELECT name, count(*) AS waiting,
               EXTRACT(EPOCH FROM now() - min(start_after))::float8 AS lag
        FROM pgboss.job
        WHERE state IN ('created', 'retry') AND start_after <= now()
        GROUP BY name`;
      this.reset();
      waiting.reset();
      for (const row of rows) {
        this.set({ queue: row.name }, Math.max(0, row.lag ?? 0));
        waiting.set({ queue: row.name }, Number(row.waiting));
      }
    },
  });
  void connections;
}

/**
 * `GET /metrics`, only with `Authorization: Bearer <AEGIRA_METRICS_TOKEN>`;
 * without a configured token the endpoint does not exist (404), so metrics are
 * never public by accident.
 */
export function metricsEndpoint(token: string | undefined) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!token) {
      next();
      return;
    }
    const given = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
    if (!sameSecret(given, token)) {
      res
        .status(401)
        .set('www-authenticate', 'Bearer')
        .json({ error: { message: 'Unauthorized' } });
      return;
    }
    try {
      res.set('content-type', registry.contentType).send(await registry.metrics());
    } catch (error) {
      next(error);
    }
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
