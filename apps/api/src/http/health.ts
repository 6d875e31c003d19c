import type { Db } from '@aegira/db';
import { Router } from 'express';
import type { Logger } from './logger.ts';

/**
 * What /ready reports beyond the database: set by main.ts as start-up
 * progresses. Migrations are applied before the server listens (ensureDatabase
 * waits for the migration lock), so a listening instance has them; `jobs` is
 * `off` when this instance runs none (AEGIRA_JOBS=off, or tests).
 */
export interface Readiness {
  migrations: 'applied' | 'pending';
  jobs: 'off' | 'starting' | 'running' | 'stopping';
}

const DATABASE_TIMEOUT_MS = 2_000;

async function databaseReachable(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/health`: liveness — the process answers; it does not touch the database, so
 * a database outage does not make an orchestrator restart every instance.
 * `/ready`: readiness — database reachable, migrations applied, jobs running
 * (or off); a proxy or orchestrator sends traffic only while it answers 200.
 */
export function healthRoutes(db: Db, readiness: Readiness, logger: Logger): Router {
  const routes = Router();
  routes.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  routes.get('/ready', async (_req, res) => {
    let database: 'ok' | 'unreachable' = 'unreachable';
    try {
      database = (await databaseReachable(db)) ? 'ok' : 'unreachable';
    } catch (error) {
      logger.warn('readiness: database unreachable', { error: String(error) });
    }
    const ready =
      database === 'ok' &&
      readiness.migrations === 'applied' &&
      (readiness.jobs === 'running' || readiness.jobs === 'off');
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      database,
      migrations: readiness.migrations,
      jobs: readiness.jobs,
    });
  });
  return routes;
}
