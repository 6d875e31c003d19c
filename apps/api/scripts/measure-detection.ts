import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { env } from '@aegira/config';
import { createDb, type Db, type DecidedEvent, event, executeCommand } from '@aegira/db';
import { prepareDatabase, startEmbeddedPostgres } from '@aegira/db/server';
import { addDays, computeReadiness, toLocalTime, weekdayOf } from '@aegira/domain';
import pg from 'pg';
import { MISSED_CHECK_IN_DETECTION_JOB } from '../src/services/missed-check-ins/detect-days.ts';
import { detectMissedCheckIns } from '../src/services/missed-check-ins/detect-missed-check-ins.ts';

// `pnpm --filter @aegira/api exec tsx scripts/measure-detection.ts [workers]`: how long one
// detection run takes for one company of 5,000 workers with 30 days of check-ins. The company
// is built through the write path (executeCommand batches of PERSON_CREATED and
// CHECK_IN_SUBMITTED events) in a database of its own: on DATABASE_URL's server when set,
// else on a throw-away embedded server.

const WORKERS = Number(process.argv[2] ?? 5_000);
const TEAM_SIZE = 100;
const TIME_ZONE = 'Europe/Berlin';
const BATCH = 5_000;
/** Share of expected days with a check-in. */
const ATTENDANCE = 0.9;

const say = (line: string) => process.stdout.write(`${line}\n`);

async function withOwner<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function openDatabase() {
  const name = `aegira_measure_${randomBytes(4).toString('hex')}`;
  let serverUrl = env().DATABASE_URL;
  let stop: () => Promise<void> = async () => undefined;
  if (!serverUrl) {
    const dataDir = path.join(os.tmpdir(), `aegira-measure-${randomBytes(4).toString('hex')}`);
    const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    serverUrl = server.ownerUrl;
    stop = server.stop;
  }
  await withOwner(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const ownerUrl = new URL(serverUrl);
  ownerUrl.pathname = `/${name}`;
  const appUrl = await prepareDatabase(ownerUrl.toString(), {
    log: () => undefined,
    appPassword: randomBytes(12).toString('hex'),
  });
  const drop = async () => {
    await withOwner(serverUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    );
    await stop();
  };
  return { ownerUrl: ownerUrl.toString(), appUrl, drop };
}

function personEvent(role: 'ADMIN' | 'TEAM_LEAD' | 'WORKER', teamId: string | null, on: string) {
  const id = randomUUID();
  return event('PERSON_CREATED', {
    id,
    email: `${role.toLowerCase()}-${id}@measure.test`,
    firstName: role,
    lastName: id.slice(0, 6),
    phone: null,
    windowStart: null,
    windowEnd: null,
    workDays: [],
    role,
    teamId,
    teamAssignedOn: teamId ? on : null,
    mustChangePassword: false,
  });
}

const inputs = {
  hoursSlept: 7.5,
  sleepQuality: 8,
  stressLevel: 3,
  physicalCondition: 8,
  painLevel: 0,
  painLocation: null,
  notes: null,
};
const scores = computeReadiness(inputs);

async function inBatches(
  db: Db,
  actor: { companyId: string; actorId: string },
  all: DecidedEvent[],
) {
  for (let start = 0; start < all.length; start += BATCH) {
    const batch = all.slice(start, start + BATCH);
    await executeCommand(db, actor, async () => batch);
  }
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  say(`${label}: ${Math.round(performance.now() - started)} ms ${JSON.stringify(result)}`);
  return result;
}

async function main(): Promise<void> {
  const database = await openDatabase();
  const db = createDb(database.appUrl);
  try {
    const companyId = randomUUID();
    const createdOn = toLocalTime(new Date(), TIME_ZONE).date;
    const admin = personEvent('ADMIN', null, createdOn);
    const actor = { companyId, actorId: admin.payload.id };
    await executeCommand(db, actor, async () => [
      event('COMPANY_CREATED', {
        id: companyId,
        name: 'Measure',
        slug: `m-${companyId}`,
        timezone: TIME_ZONE,
      }),
      admin,
    ]);

    // Detection's "today" is 16 days after the company was built, so the 14 days it may catch
    // up on all come after every person existed; 30 days of check-ins end the day before.
    const today = addDays(createdOn, 16);
    const setUp: DecidedEvent[] = [];
    const workers: Array<{ id: string; teamId: string }> = [];
    for (let t = 0; t < Math.ceil(WORKERS / TEAM_SIZE); t += 1) {
      const lead = personEvent('TEAM_LEAD', null, createdOn);
      const teamId = randomUUID();
      setUp.push(
        lead,
        event('TEAM_CREATED', {
          id: teamId,
          name: `Team ${t}`,
          description: null,
          leaderId: lead.payload.id,
          supervisorId: null,
          windowStart: '06:00',
          windowEnd: '10:00',
          workDays: [1, 2, 3, 4, 5],
        }),
      );
      for (let w = 0; w < TEAM_SIZE && workers.length < WORKERS; w += 1) {
        const worker = personEvent('WORKER', teamId, createdOn);
        setUp.push(worker);
        workers.push({ id: worker.payload.id, teamId });
      }
    }
    await timed(`built ${workers.length} workers`, async () => inBatches(db, actor, setUp));

    const checkIns: DecidedEvent[] = [];
    for (let back = 30; back >= 0; back -= 1) {
      const date = addDays(today, -back);
      if (weekdayOf(date) > 5) continue;
      for (const worker of workers) {
        if (Math.random() >= ATTENDANCE) continue;
        checkIns.push(
          event('CHECK_IN_SUBMITTED', {
            id: randomUUID(),
            personId: worker.id,
            teamId: worker.teamId,
            localDate: date,
            inputs,
            scores,
            isLate: false,
            minutesLate: 0,
            submittedAt: new Date(`${date}T07:00:00+01:00`).toISOString(),
          }),
        );
      }
    }
    await timed(`appended ${checkIns.length} check-ins (31 days, weekdays)`, async () =>
      inBatches(db, actor, checkIns),
    );

    const at = (hhmm: string) => new Date(`${today}T${hhmm}+01:00`);
    const runs = (startedAt: Date) =>
      withOwner(database.ownerUrl, (client) =>
        client.query(
          `INSERT INTO job_runs (id, company_id, job, started_at, finished_at, outcome)
           VALUES ($1, $2, $3, $4, $4, 'succeeded')`,
          [randomUUID(), companyId, MISSED_CHECK_IN_DETECTION_JOB, startedAt],
        ),
      );
    // Live: the scheduler's last successful run was just after midnight, so only today is open;
    // the 10:00 window has just closed for the tenth of the workers who did not check in.
    await runs(at('00:30'));
    await timed('live run at 10:05:01 (today, records its misses)', () =>
      detectMissedCheckIns(db, companyId, at('10:05:01')),
    );
    for (const hhmm of ['10:10', '10:15', '10:20']) {
      await timed(`live run at ${hhmm} (today, nothing new)`, () =>
        detectMissedCheckIns(db, companyId, at(hhmm)),
      );
    }
    // Catch-up: no run recorded at all (say, two weeks down), so 14 days back and today.
    await withOwner(database.ownerUrl, (client) =>
      client.query('DELETE FROM job_runs WHERE company_id = $1', [companyId]),
    );
    await timed('catch-up run (15 days, records the 14 earlier days’ misses)', () =>
      detectMissedCheckIns(db, companyId, at('20:00')),
    );
    await timed('catch-up run again (15 days, nothing left)', () =>
      detectMissedCheckIns(db, companyId, at('20:05')),
    );
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
