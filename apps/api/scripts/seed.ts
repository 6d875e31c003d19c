import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { env } from '@aegira/config';
import { auditChain, BATCH_DB_OPTIONS, createDb, type Db } from '@aegira/db';
import { bulkSeedHistory, type HistoryCounts, seedCompany } from '@aegira/db/seed';
import { analyzeDatabase, ensureDatabase } from '@aegira/db/server';
import { addDays, toLocalTime } from '@aegira/domain';
import pg from 'pg';
import { LoginLimiter } from '../src/auth/login-limiter.ts';
import { hashPassword } from '../src/auth/password.ts';
import {
  DEMO_COMPANY_SLUG,
  DEMO_PASSWORD,
  formatDemoLogins,
} from '../src/bootstrap/demo-logins.ts';
import { createLogger } from '../src/http/logger.ts';
import { isDemoSeeded, seedDemoCompany } from '../src/seed/demo-company.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `pnpm db:seed`: the demo company once (idempotent), with its logins.
 * `pnpm db:seed --workers 5000 --days 365 [--timezone Europe/London] [--seed 1]`: a new large
 * company for benchmarks (teams of 20–50, leads, supervisors; through the write path), with
 * `days` of history up to yesterday written in bulk (the same events and rows the write path
 * would write, by COPY in transactions of whole days: decision 037); prints the rate.
 * Run it with the product stopped when they share a database: the product's missed check-in
 * job judges a new company's last 14 days while the seed is still writing them.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workers: { type: 'string' },
      days: { type: 'string' },
      timezone: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const database = await ensureDatabase({ log: (line) => say(`  ${line}`) });
  // Large seeds run statements longer than a request's 10 s limit (decision 034).
  const db = createDb(database.appUrl, BATCH_DB_OPTIONS);
  try {
    if (values.workers !== undefined || values.days !== undefined) {
      await seedLarge(db, database.ownerUrl, {
        workers: positive('--workers', values.workers ?? '5000'),
        days: positive('--days', values.days ?? '365'),
        timezone: values.timezone ?? 'UTC',
        seed: positive('--seed', values.seed ?? '1'),
      });
    } else {
      await seedDemo(db);
    }
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

function positive(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new Error(`${name} must be a whole number of at least 1 (got "${value}")`);
  }
  return number;
}

async function seedLarge(
  db: Db,
  ownerUrl: string,
  options: { workers: number; days: number; timezone: string; seed: number },
): Promise<void> {
  const today = toLocalTime(new Date(), options.timezone).date;
  const from = addDays(today, -options.days);
  const assignedOn = addDays(from, -1);
  say(`Seeding a company of ${options.workers} workers with ${options.days} days of history…`);
  const started = performance.now();
  const company = await seedCompany(db, {
    workers: options.workers,
    assignedOn,
    at: new Date(`${assignedOn}T08:00:00Z`),
    timezone: options.timezone,
    seed: options.seed,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  say(
    `  company ${company.slug}: ${company.teams.length} teams, ${company.supervisorIds.length} supervisors, ${company.workerIds.length} workers (${secondsSince(started)} s)`,
  );
  const historyStarted = performance.now();
  let lastLine = 0;
  const owner = new pg.Client({ connectionString: ownerUrl });
  // The embedded server stops after the seed; an ended backend must not crash the script.
  owner.on('error', () => undefined);
  await owner.connect();
  let counts: HistoryCounts;
  const phases: Record<string, number> = {};
  // CPU time on each side, which the machine's load does not inflate as it does wall time.
  const backend = await backendCpu(owner);
  const node = process.cpuUsage();
  try {
    counts = await bulkSeedHistory(owner, company, {
      phases,
      from,
      to: addDays(today, -1),
      seed: options.seed,
      onProgress: ({ date, checkIns, events }) => {
        if (performance.now() - lastLine < 2_000) return;
        lastLine = performance.now();
        const seconds = (performance.now() - historyStarted) / 1000;
        say(
          `  ${date}: ${checkIns} check-ins, ${events} events (${Math.round(checkIns / seconds)} check-ins/s, ${Math.round(events / seconds)} events/s)`,
        );
      },
    });
    const databaseCpu = (await backend()) ?? Number.NaN;
    const used = process.cpuUsage(node);
    const nodeCpu = (used.user + used.system) / 1e6;
    const perCheckIn = (cpu: number) => Math.round((cpu * 1e6) / Math.max(1, counts.checkIns));
    say(
      `  CPU: this process ${nodeCpu.toFixed(1)} s (${perCheckIn(nodeCpu)} µs a check-in), its database backend ${databaseCpu.toFixed(1)} s (${perCheckIn(databaseCpu)} µs a check-in); load average ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await owner.end();
  }
  const seconds = (performance.now() - historyStarted) / 1000;
  say(
    `  history: ${counts.checkIns} check-ins (${counts.late} late), ${counts.misses} misses, ${counts.alerts} RED alerts with countermeasures; ${counts.events} events in ${seconds.toFixed(1)} s`,
  );
  say(
    `  rate: ${Math.round(counts.checkIns / seconds)} check-ins/s, ${Math.round(counts.events / seconds)} events/s`,
  );
  say(
    `  (seconds: ${Object.entries(phases)
      .map(([name, s]) => `${name} ${s.toFixed(1)}`)
      .join(', ')}; preparing overlaps writing)`,
  );
  const analyzeStarted = performance.now();
  await analyzeDatabase(ownerUrl);
  say(`  planner statistics refreshed (ANALYZE, ${secondsSince(analyzeStarted)} s)`);
  // The sealing job's work (decision 016), done now: the company starts with its log sealed
  // instead of a product spending its first minutes on a year's backlog.
  const sealStarted = performance.now();
  const { sealed } = await auditChain.sealCompanyLog(db, company.companyId);
  say(`  audit log sealed: ${sealed} events (${secondsSince(sealStarted)} s)`);
  say(`Done in ${secondsSince(started)} s. Sign in at /c/${company.slug}:`);
  say(`  ${company.adminEmail} (ADMIN), lead1@${company.slug}.aegira.test (TEAM_LEAD),`);
  say(`  supervisor1@${company.slug}.aegira.test (SUPERVISOR); password ${DEMO_PASSWORD}`);
}

/**
 * The CPU seconds the connection's backend has used since this call, read from /proc (Linux,
 * a server on this machine); null where that cannot be read.
 */
async function backendCpu(client: pg.Client): Promise<() => Promise<number | null>> {
  const result = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = result.rows[0]?.pid;
  const ticks = async () => {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name: utime and stime are the 12th and 13th (clock ticks).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return null;
    }
  };
  const start = await ticks();
  return async () => {
    const end = await ticks();
    return start === null || end === null ? null : end - start;
  };
}

function secondsSince(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}

async function seedDemo(db: Db): Promise<void> {
  const deps = {
    db,
    // The seed signs nobody in; the secret only satisfies the shared deps shape.
    jwtSecret: env().JWT_SECRET ?? 'seed-does-not-issue-sessions',
    secureCookies: false,
    loginLimiter: new LoginLimiter(),
    logger: createLogger('warn'),
  };
  if (await isDemoSeeded(db)) {
    say('Demo company already present; nothing to do.');
  } else {
    say('Seeding the demo company…');
    await seedDemoCompany(deps, say);
    say('Done.');
  }
  say(`  Demo company sign-in link: /c/${DEMO_COMPANY_SLUG}`);
  say(formatDemoLogins());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
