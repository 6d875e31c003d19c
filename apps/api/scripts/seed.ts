import { parseArgs } from 'node:util';
import { env } from '@aegira/config';
import { createDb, type Db } from '@aegira/db';
import { seedCompany, seedHistory } from '@aegira/db/seed';
import { analyzeDatabase, ensureDatabase } from '@aegira/db/server';
import { addDays, toLocalTime } from '@aegira/domain';
import { LoginLimiter } from '../src/auth/login-limiter.ts';
import { hashPassword } from '../src/auth/password.ts';
import { DEMO_PASSWORD, formatDemoLogins } from '../src/bootstrap/demo-logins.ts';
import { createLogger } from '../src/http/logger.ts';
import { isDemoSeeded, seedDemoCompany } from '../src/seed/demo-company.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `pnpm db:seed`: the demo company once (idempotent), with its logins.
 * `pnpm db:seed --workers 5000 --days 365 [--timezone Europe/London] [--seed 1]`: a new large
 * company for benchmarks (teams of 20–50, leads, supervisors), with `days` of history up to
 * yesterday, through the write path in large commands; prints the rate.
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
  const db = createDb(database.appUrl);
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
  const counts = await seedHistory(db, company, {
    from,
    to: addDays(today, -1),
    seed: options.seed,
    onProgress: ({ date, checkIns }) => {
      if (performance.now() - lastLine < 2_000) return;
      lastLine = performance.now();
      const rate = Math.round(checkIns / ((performance.now() - historyStarted) / 1000));
      say(`  ${date}: ${checkIns} check-ins (${rate}/s)`);
    },
  });
  const seconds = (performance.now() - historyStarted) / 1000;
  say(
    `  history: ${counts.checkIns} check-ins (${counts.late} late), ${counts.misses} misses, ${counts.alerts} RED alerts with countermeasures; ${counts.events} events in ${seconds.toFixed(1)} s`,
  );
  say(
    `  rate: ${Math.round(counts.checkIns / seconds)} check-ins/s, ${Math.round(counts.events / seconds)} events/s`,
  );
  const analyzeStarted = performance.now();
  await analyzeDatabase(ownerUrl);
  say(`  planner statistics refreshed (ANALYZE, ${secondsSince(analyzeStarted)} s)`);
  say(`Done in ${secondsSince(started)} s. Sign in at /c/${company.slug}:`);
  say(`  ${company.adminEmail} (ADMIN), lead1@${company.slug}.aegira.test (TEAM_LEAD),`);
  say(`  supervisor1@${company.slug}.aegira.test (SUPERVISOR); password ${DEMO_PASSWORD}`);
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
  say(formatDemoLogins());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
