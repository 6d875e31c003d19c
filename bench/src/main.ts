import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { env, repoRoot } from '@aegira/config';
import { auditChain, BATCH_DB_OPTIONS, createDb, type Db } from '@aegira/db';
import { bulkSeedHistory, type SeededCompany, seedCompany } from '@aegira/db/seed';
import {
  analyzeDatabase,
  createDatabaseIfMissing,
  prepareDatabase,
  startEmbeddedPostgres,
} from '@aegira/db/server';
import pg from 'pg';
import { signSessionToken } from '../../apps/api/src/auth/session-token.ts';
import { type CpuShares, cpuMeter, cpuText, stealMeter, stealText } from './cpu-steal.ts';
import { databaseNow, firstJobRound } from './first-job-round.ts';
import { HttpSession } from './http-session.ts';
import { PRODUCT_ARGS, startProduct } from './product.ts';
import { rawAmends, rawSubmits } from './raw-sql.ts';
import { measureReplay } from './replay.ts';
import { measureStart } from './start-time.ts';
import { closedLoops, type PhaseResult, summarise } from './stats.ts';
import { measureWeb } from './web.ts';

// `pnpm bench [--quick]`: the product beside the raw SQL it runs, in one run on
// one machine (issue 10). Prints a table, writes bench/results/<date>.json, and
// with --quick exits non-zero when a ratio falls past generous bounds.

const quick = process.argv.includes('--quick');
const SIZE = quick
  ? { seconds: 3, submitWorkers: 6_000, historyWorkers: 300, historyDays: 30, reads: 30 }
  : { seconds: 7, submitWorkers: 12_000, historyWorkers: 5_000, historyDays: 365, reads: 100 };
const CONNECTIONS = [1, 16, 64];
const JWT_SECRET = randomBytes(32).toString('hex');
const say = (line: string) => process.stdout.write(`${line}\n`);

/** The UTC date `days` before `today` (the bench's companies run on UTC). */
function dateBefore(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

function cookieOf(personId: string, companyId: string): string {
  return `__Host-aegira_session=${signSessionToken(JWT_SECRET, { personId, companyId, tokenVersion: 0 })}`;
}

async function database(dataDir: string) {
  const config = env();
  if (config.DATABASE_URL) {
    const appUrl = await prepareDatabase(config.DATABASE_URL, {
      log: () => undefined,
      appPassword: config.AEGIRA_APP_DB_PASSWORD,
    });
    return { ownerUrl: config.DATABASE_URL, appUrl, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres') });
  const url = new URL(server.ownerUrl);
  url.pathname = '/aegira_bench';
  const ownerUrl = url.toString();
  await createDatabaseIfMissing(ownerUrl);
  const appUrl = await prepareDatabase(ownerUrl, {
    log: () => undefined,
    appPassword: config.AEGIRA_APP_DB_PASSWORD,
  });
  return { ownerUrl, appUrl, stop: server.stop, serverOwnerUrl: server.ownerUrl };
}

interface WriteRow {
  connections: number;
  submit: PhaseResult;
  rawSubmit: PhaseResult;
  amend: PhaseResult;
  rawAmend: PhaseResult;
  /** The VM's CPU steal over the row's four phases (percent), null off Linux. */
  stealPercent: number | null;
}

async function writePath(db: Db, appUrl: string, url: string): Promise<WriteRow[]> {
  const today = new Date().toISOString().slice(0, 10);
  say(`P1: seeding ${SIZE.submitWorkers} workers through the write path…`);
  const seeding = performance.now();
  // One team open all day, every day, so every worker can submit whenever the phase runs.
  const company = await seedCompany(db, {
    workers: SIZE.submitWorkers,
    teamSize: { min: SIZE.submitWorkers, max: SIZE.submitWorkers },
    schedule: { windowStart: '00:00', windowEnd: '23:59', workDays: [1, 2, 3, 4, 5, 6, 7] },
    assignedOn: dateBefore(today, 1),
    at: new Date(),
  });
  say(`  seeded in ${Math.round((performance.now() - seeding) / 1000)} s`);
  const pool = [...company.workerIds];
  const rows: WriteRow[] = [];
  for (const connections of CONNECTIONS) {
    const steal = stealMeter();
    const sessions = Array.from({ length: connections }, () => new HttpSession(url));
    const submitted: string[] = [];
    const submit = await closedLoops(sessions, SIZE.seconds, (session) => {
      const worker = pool.pop();
      if (!worker) return null;
      return session
        .mutate(cookieOf(worker, company.companyId), 'checkIn.submit', {
          hoursSlept: 7.5,
          sleepQuality: 8,
          stressLevel: 3,
          physicalCondition: 8,
          painLevel: 0,
        })
        .then((ok) => {
          if (ok) submitted.push(worker);
          return ok;
        });
    });
    // One worker per connection amends their own check-in over and over.
    const amenders = sessions.map((session, index) => ({ session, worker: submitted[index] }));
    const amend = await closedLoops(amenders, SIZE.seconds, ({ session, worker }, n) =>
      worker
        ? session.mutate(cookieOf(worker, company.companyId), 'checkIn.amend', {
            hoursSlept: 7,
            sleepQuality: 7,
            stressLevel: 1 + (n % 10),
            physicalCondition: 8,
            painLevel: 0,
          })
        : null,
    );
    for (const session of sessions) session.close();
    const rawWorkers = pool.splice(0, connections);
    const target = {
      appUrl,
      companyId: company.companyId,
      teamId: company.teamId,
      workerIds: rawWorkers,
    };
    const raw = await rawSubmits(target, connections, SIZE.seconds, '2000-01-01');
    const rawAmend = await rawAmends(target, raw.checkInIds, connections, SIZE.seconds);
    const stealPercent = steal();
    rows.push({ connections, submit, rawSubmit: raw.result, amend, rawAmend, stealPercent });
    say(
      `  ${connections} conn: submit ${submit.perSecond}/s (raw ${raw.result.perSecond}/s), amend ${amend.perSecond}/s (raw ${rawAmend.perSecond}/s), CPU steal ${stealText(stealPercent)}`,
    );
  }
  return rows;
}

interface SealingResult {
  events: number;
  seconds: number;
  perSecond: number;
  cpu: CpuShares | null;
}

interface ReadCompany {
  company: SeededCompany;
  checkIns: number;
  sealed: SealingResult;
  /** How the bulk seed used the machine. */
  seedCpu: CpuShares | null;
}

/** P2's company: a year of history in bulk, statistics, and its log sealed (decision 016). */
async function seedReadCompany(db: Db, ownerUrl: string): Promise<ReadCompany> {
  const today = new Date().toISOString().slice(0, 10);
  say(`P2: ${SIZE.historyWorkers} workers with ${SIZE.historyDays} days of history…`);
  // The company `pnpm db:seed --workers --days` builds: teams of 20–50, Monday to Friday.
  const assignedOn = dateBefore(today, SIZE.historyDays + 1);
  const company = await seedCompany(db, {
    workers: SIZE.historyWorkers,
    assignedOn,
    at: new Date(`${assignedOn}T08:00:00Z`),
  });
  const started = performance.now();
  const cpu = cpuMeter();
  // The history in bulk (decision 037): the same events and rows the write path would make,
  // minutes instead of the write path's twenty for a year of 5,000 workers.
  const owner = new pg.Client({ connectionString: ownerUrl });
  owner.on('error', () => undefined);
  await owner.connect();
  let checkIns = 0;
  try {
    ({ checkIns } = await bulkSeedHistory(owner, company, {
      from: dateBefore(today, SIZE.historyDays),
      to: dateBefore(today, 1),
      onProgress: ({ checkIns: done }) => process.stdout.write(`\r  ${done} check-ins`),
    }));
  } finally {
    await owner.end();
  }
  const seedCpu = cpu();
  say(
    `\r  ${checkIns} check-ins in ${Math.round((performance.now() - started) / 1000)} s (${cpuText(seedCpu)})`,
  );
  // As `pnpm db:seed` does: without fresh statistics the reads plan on an empty company.
  await analyzeDatabase(ownerUrl);
  // The sealing job's own work, done here at once: the reads are measured on a settled log,
  // not beside a year's backlog being sealed.
  const sealingCpu = cpuMeter();
  const sealing = performance.now();
  const { sealed: events } = await auditChain.sealCompanyLog(db, company.companyId);
  const seconds = (performance.now() - sealing) / 1000;
  const sealed = {
    events,
    seconds: Math.round(seconds),
    perSecond: Math.round(events / seconds),
    cpu: sealingCpu(),
  };
  say(
    `  sealed ${events} events in ${sealed.seconds} s = ${sealed.perSecond}/s (${cpuText(sealed.cpu)})`,
  );
  return { company, checkIns, sealed, seedCpu };
}

async function reads({ company, checkIns, sealed, seedCpu }: ReadCompany, url: string) {
  const session = new HttpSession(url);
  const measure = async (cookie: string, procedure: string, input: unknown) => {
    const latencies: number[] = [];
    let errors = 0;
    const begin = performance.now();
    for (let i = 0; i < SIZE.reads; i += 1) {
      const t = performance.now();
      if (await session.query(cookie, procedure, input)) latencies.push(performance.now() - t);
      else errors += 1;
    }
    return summarise(latencies, errors, (performance.now() - begin) / 1000);
  };
  const lead = cookieOf(company.leadId, company.companyId);
  const supervisor = cookieOf(company.supervisorId, company.companyId);
  const worker = cookieOf(company.workerIds[0] ?? '', company.companyId);
  const result = {
    checkIns,
    roster: await measure(lead, 'teams.get', { id: company.teamId }),
    supervisorOverview: await measure(supervisor, 'teams.list', {}),
    workerHistory: await measure(worker, 'checkIn.history', { limit: 30 }),
    teamDashboard: await measure(lead, 'dashboards.team', { teamId: company.teamId }),
    teamAnalytics90: await measure(lead, 'analytics.team', { teamId: company.teamId, days: 90 }),
    workerDashboard: await measure(worker, 'dashboards.worker', null),
  };
  session.close();
  return { ...result, sealed, seedCpu, companyId: company.companyId };
}

function table(rows: Array<Array<string | number>>): string {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => String(row[column] ?? '').length)),
  );
  return rows
    .map((row) => row.map((cell, column) => String(cell).padEnd(widths?.[column] ?? 0)).join('  '))
    .join('\n');
}

async function main(): Promise<void> {
  const benchStarted = performance.now();
  const machine = cpuMeter();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'aegira-bench-'));
  await fs.chmod(dataDir, 0o755);
  say(`AEGIRA bench (${quick ? 'quick' : 'full'}), data in ${dataDir}`);
  const started = `pnpm start ${PRODUCT_ARGS.join(' ')}`;
  const cores = os.availableParallelism();
  say(`The product runs as \`${started}\` (${cores} cores here).`);
  const db0 = await database(dataDir);
  const productEnv = { DATABASE_URL: db0.ownerUrl, JWT_SECRET, AEGIRA_DATA_DIR: dataDir };
  let product = await startProduct(productEnv);
  // Seeding statements may run longer than a request's 10 s limit (decision 034).
  const db = createDb(db0.appUrl, BATCH_DB_OPTIONS);
  try {
    const write = await writePath(db, db0.appUrl, product.url);
    // The year of history is written with the product stopped: its jobs would judge the
    // company's last 14 days (missed check-ins) while the bulk seed is still writing them.
    await product.stop();
    const history = await seedReadCompany(db, db0.ownerUrl);
    // A rebuild is an operator's command, measured as one would run it: on the machine alone,
    // not beside the product's first round of jobs over the new year of history.
    say('P3: replaying the history company into an empty database…');
    const replayCpu = cpuMeter();
    const replay = {
      ...(await measureReplay(db0.ownerUrl, history.company.companyId)),
      cpu: replayCpu(),
    };
    say(
      `  ${replay.events} events in ${replay.seconds} s = ${replay.perSecond} events/s (${cpuText(replay.cpu)})`,
    );
    const restarted = await databaseNow(db, history.company.companyId);
    product = await startProduct(productEnv);
    const settled = await firstJobRound(db, history.company.companyId, restarted);
    say(`\r  the product's first job round for it took ${settled} s`);
    const read = await reads(history, product.url);
    say('P4: web bundle and the login page in headless Chromium…');
    const web = await measureWeb(product.url);
    await product.stop();
    say('P5: pnpm start on a fresh data folder, then a restart…');
    const start = await measureStart();

    const p16 = write.find((row) => row.connections === 16);
    const ratio = p16 ? p16.submit.perSecond / Math.max(1, p16.rawSubmit.perSecond) : 0;
    say('');
    say(
      table([
        [
          'P1 write path',
          'conn',
          'product/s',
          'p50',
          'p95',
          'p99',
          'errors',
          'raw SQL/s',
          'ratio',
          'CPU steal',
        ],
        ...write.flatMap((row) => [
          [
            'submit',
            row.connections,
            row.submit.perSecond,
            row.submit.p50,
            row.submit.p95,
            row.submit.p99,
            row.submit.errors,
            row.rawSubmit.perSecond,
            `${Math.round((100 * row.submit.perSecond) / Math.max(1, row.rawSubmit.perSecond))} %`,
            stealText(row.stealPercent),
          ],
          [
            'amend',
            row.connections,
            row.amend.perSecond,
            row.amend.p50,
            row.amend.p95,
            row.amend.p99,
            row.amend.errors,
            row.rawAmend.perSecond,
            `${Math.round((100 * row.amend.perSecond) / Math.max(1, row.rawAmend.perSecond))} %`,
            '',
          ],
        ]),
      ]),
    );
    say('');
    say(
      table([
        [
          `P2 reads (${SIZE.historyWorkers} workers, ${read.checkIns} check-ins)`,
          'p50 ms',
          'p95 ms',
          'errors',
        ],
        [
          'team-lead roster, a team of 20–50 (teams.get)',
          read.roster.p50,
          read.roster.p95,
          read.roster.errors,
        ],
        [
          'supervisor overview, 8 teams (teams.list)',
          read.supervisorOverview.p50,
          read.supervisorOverview.p95,
          read.supervisorOverview.errors,
        ],
        [
          'worker history (30)',
          read.workerHistory.p50,
          read.workerHistory.p95,
          read.workerHistory.errors,
        ],
        [
          'team-lead dashboard (dashboards.team)',
          read.teamDashboard.p50,
          read.teamDashboard.p95,
          read.teamDashboard.errors,
        ],
        [
          'team analytics, 90 days (analytics.team)',
          read.teamAnalytics90.p50,
          read.teamAnalytics90.p95,
          read.teamAnalytics90.errors,
        ],
        [
          'worker dashboard (dashboards.worker)',
          read.workerDashboard.p50,
          read.workerDashboard.p95,
          read.workerDashboard.errors,
        ],
      ]),
    );
    say('');
    say(
      `P3 replay: ${replay.events} events in ${replay.seconds} s = ${replay.perSecond} events/s (${cpuText(replay.cpu)})`,
    );
    say(
      `Sealing (the job's work on P2's year of history): ${read.sealed.events} events in ${read.sealed.seconds} s = ${read.sealed.perSecond}/s (${cpuText(read.sealed.cpu)})`,
    );
    say(
      `P4 web: worker's first page ${web.jsGzipKb} KB JS + ${web.cssGzipKb} KB CSS gzip; source maps served: ${web.sourceMaps}; login page interactive ${web.loginInteractiveMs?.cold ?? 'n/a'} ms cold / ${web.loginInteractiveMs?.warm ?? 'n/a'} ms warm`,
    );
    if (start) say(`P5 start: fresh ${start.freshSeconds} s, restart ${start.restartSeconds} s`);
    const minutes = Math.round((performance.now() - benchStarted) / 6_000) / 10;
    const machineCpu = machine();
    say(
      `\nHeadline: submit over HTTP at 16 connections is ${Math.round(ratio * 100)} % of raw SQL (product run as \`${started}\` on ${cores} cores; CPU steal ${stealText(p16?.stealPercent ?? null)} meanwhile; compare runs of like steal). The bench ran ${minutes} min (${cpuText(machineCpu)}).`,
    );

    const results = {
      date: new Date().toISOString(),
      quick,
      size: SIZE,
      product: { command: started, cores },
      write,
      read,
      replay,
      web,
      start,
      minutes,
      machineCpu,
    };
    const file = path.join(
      repoRoot,
      'bench/results',
      `${new Date().toISOString().slice(0, 10)}${quick ? '-quick' : ''}.json`,
    );
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
    say(
      JSON.stringify({
        bench: 'aegira',
        quick,
        p1Submit16Ratio: ratio,
        replayPerSecond: replay.perSecond,
      }),
    );
    if (quick) {
      // Generous bounds: CI machines are noisy, so only ratios and gross failures count.
      const problems = [
        ...write.flatMap((row) =>
          row.submit.errors + row.amend.errors > 0 ? [`${row.connections} conn: errors`] : [],
        ),
        ...(ratio < 0.05 ? [`submit ratio ${ratio.toFixed(3)} < 0.05`] : []),
        ...(replay.perSecond < 2_000 ? [`replay ${replay.perSecond}/s < 2000/s`] : []),
      ];
      if (problems.length > 0) {
        say(`Regression: ${problems.join('; ')}`);
        process.exitCode = 1;
      }
    }
  } finally {
    await db.$disconnect();
    await product.stop();
    await db0.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
