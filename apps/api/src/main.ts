import cluster from 'node:cluster';
import { env } from '@aegira/config';
import { demoMode, runningBanner, webIsBuilt } from './bootstrap/banner.ts';
import { databaseAtStart } from './bootstrap/database-at-start.ts';
import { acquireInstanceLock } from './bootstrap/instance-lock.ts';
import { instancesRequested, runInstances, tellSupervisorReady } from './bootstrap/instances.ts';
import { resolveJwtSecret } from './bootstrap/jwt-secret.ts';
import type { Readiness } from './http/health.ts';
import { type RunningJobs, startJobs } from './jobs/start-jobs.ts';
import { isDemoSeeded, seedDemoCompany } from './seed/demo-company.ts';
import { type RunningServer, startServer, WEB_DIST_DIR } from './server.ts';

const SHUTDOWN_DEADLINE_MS = 10_000;

/** `pnpm start`: database (embedded unless DATABASE_URL), demo data, API and web on one port. */
async function main(): Promise<void> {
  const config = env();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say('AEGIRA is starting…');
  // The embedded database's folder serves one instance at a time (decision 036).
  if (!config.DATABASE_URL) await acquireInstanceLock(config.AEGIRA_DATA_DIR);
  const database = await databaseAtStart((line) => say(`  ${line}`));
  let server: RunningServer | undefined;
  let jobs: RunningJobs | undefined;
  const readiness: Readiness = {
    migrations: database.preparedAtStart ? 'applied' : 'pending',
    jobs: config.AEGIRA_JOBS === 'on' ? 'starting' : 'off',
  };
  let stopping = false;
  const shutdown = async (signal: string) => {
    // A second Ctrl+C while stopping must not start a second shutdown.
    if (stopping) return;
    stopping = true;
    say(`\n${signal} received, stopping…`);
    // Whatever hangs, the process is gone 10 s after the signal.
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    // Out of the proxy's rotation first (/ready answers 503), then drain.
    if (readiness.jobs !== 'off') readiness.jobs = 'stopping';
    // HTTP drains (refusing new requests, at most 7 s) while the jobs finish theirs; both still
    // use the database pools, which close after both.
    await Promise.all([
      jobs?.stop().catch((error: unknown) => say(`Stopping the jobs failed: ${String(error)}`)),
      server?.drain(),
    ]);
    await server?.close();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const hasWeb = webIsBuilt();
  server = await startServer({
    databaseUrl: database.appUrl,
    port: config.PORT,
    host: config.HOST,
    jwtSecret: resolveJwtSecret(config.JWT_SECRET, config.AEGIRA_DATA_DIR),
    secureCookies: config.NODE_ENV === 'production',
    allowedOrigins: config.AEGIRA_ALLOWED_ORIGINS,
    logLevel: config.LOG_LEVEL,
    logFormat: config.LOG_FORMAT,
    readiness,
    ...(config.AEGIRA_COMPANY_WRITE_SLOTS
      ? { database: { companyWriteSlots: config.AEGIRA_COMPANY_WRITE_SLOTS } }
      : {}),
    ...(config.AEGIRA_METRICS_TOKEN ? { metricsToken: config.AEGIRA_METRICS_TOKEN } : {}),
    ...(config.AEGIRA_TRUST_PROXY ? { trustProxy: config.AEGIRA_TRUST_PROXY } : {}),
    ...(hasWeb ? { webDistDir: WEB_DIST_DIR } : {}),
  });

  const demo = demoMode(config);
  // Seeding and jobs need the prepared database: now, or once it is reachable (FT-10).
  const finishStart = async (running: RunningServer) => {
    if (demo === 'off') {
      say('Demo company not seeded (AEGIRA_DEMO=off).');
    } else if (await isDemoSeeded(running.deps.db)) {
      say('Demo company already present.');
    } else {
      say('Seeding the demo company…');
      try {
        await seedDemoCompany(running.deps, say);
      } catch (error) {
        // Several instances starting on one new database race to seed; one of them wins.
        if (!(await isDemoSeeded(running.deps.db))) throw error;
        say('Demo company seeded by another instance.');
      }
    }
    if (config.AEGIRA_JOBS === 'on') {
      const fixedNow = config.AEGIRA_JOB_NOW;
      jobs = await startJobs({
        db: running.deps.db,
        databaseUrl: database.appUrl,
        logger: running.deps.logger,
        now: fixedNow ? () => fixedNow : () => new Date(),
        runTimeoutSeconds: config.AEGIRA_JOB_TIMEOUT_SECONDS,
      });
      readiness.jobs = 'running';
      say(
        fixedNow
          ? `Scheduled jobs running, on a test clock fixed at ${fixedNow.toISOString()}.`
          : 'Scheduled jobs running (missed check-ins, due transfers).',
      );
    } else {
      say('Scheduled jobs are off (AEGIRA_JOBS=off).');
    }
  };
  if (database.preparedAtStart) {
    await finishStart(server);
  } else {
    const started = server;
    say('Not ready yet: requests get 503 until the database is reachable and prepared.');
    database.prepared
      .then(async () => {
        readiness.migrations = 'applied';
        await finishStart(started);
        say('AEGIRA is ready.');
      })
      .catch((error: unknown) => {
        say(
          `Preparing the database failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        void shutdown('failure');
      });
  }
  const url = server.url.replace('127.0.0.1', 'localhost');
  // A worker of `--workers` shares its port: the supervisor prints the address once all are ready.
  if (cluster.isWorker) {
    tellSupervisorReady(url);
    return;
  }
  for (const line of runningBanner(url, { hasWeb, demo })) say(line);
  say('\nPress Ctrl+C to stop.');
}

const instances = instancesRequested(process.argv.slice(2));
(instances === null ? main() : runInstances(instances)).catch((error: unknown) => {
  process.stderr.write(
    `AEGIRA failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
