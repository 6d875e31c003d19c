import { companyKeyRing, createDb, type Db, KeyRing, replayCompanyEvents } from '@aegira/db';
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import {
  newWorld,
  runStep,
  type Step,
  stepArbitrary,
  type World,
} from '../test-support/command-history.ts';
import { companyLog, useReplayTarget } from '../test-support/replay-check.ts';

// Property (issue 16): for a company with a random history of commands (the replay
// property's generator), the as-of read of every team, person and check-in at a random cut
// of its log equals the row obtained by replaying ONLY the events up to that cut into an
// empty database (replayCompanyEvents: the live write path's append and projections).
// Cuts are taken in increasing order and the log is replayed into the target a slice at a
// time, so the target holds exactly the events up to each cut when it is compared.
// AEGIRA_AS_OF_RUNS and AEGIRA_PROPERTY_SEED reproduce a run.
const RUNS = Number(process.env.AEGIRA_AS_OF_RUNS ?? 5);
const SEED = Number(process.env.AEGIRA_PROPERTY_SEED ?? Date.now() % 2_147_483_647);

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});
const replayTarget = useReplayTarget();
let targetDb: Db | undefined;
afterAll(async () => {
  await targetDb?.$disconnect();
});

type AsOf = { afterEventId: string } | { at: string };
const iso = (value: Date | null) => value?.toISOString() ?? null;

interface TargetRows {
  teams: Array<Record<string, unknown> & { id: string; team_id?: never }>;
  persons: Array<Record<string, unknown> & { id: string; team_id: string | null }>;
  checkIns: Array<Record<string, unknown> & { id: string }>;
}

/** The replayed tables of the company, dates as text (the DTOs' form). */
async function targetRows(client: pg.Client, companyId: string): Promise<TargetRows> {
  const q = async (sql: string) => (await client.query(sql, [companyId])).rows;
  return {
    teams: await q(`SELECT * FROM teams WHERE company_id = $1`),
    persons: await q(
      `SELECT *, team_assigned_on::text AS assigned_on FROM persons WHERE company_id = $1`,
    ),
    checkIns: await q(
      `SELECT *, local_date::text AS day, hours_slept::float8 AS hours
       FROM check_ins WHERE company_id = $1`,
    ),
  };
}

/** The current ids of each table in the live database: every entity ever created. */
async function liveIds(companyId: string) {
  const ids = async (table: string) =>
    (
      await owner.query<{ id: string }>(`SELECT id FROM ${table} WHERE company_id = $1`, [
        companyId,
      ])
    ).rows.map((row) => row.id);
  return {
    teams: await ids('teams'),
    persons: await ids('persons'),
    checkIns: await ids('check_ins'),
  };
}

interface Tally {
  teams: number;
  persons: number;
  checkIns: number;
  missing: number;
}

async function expectMissing(call: Promise<unknown>, what: string) {
  const failure = await failureOf(call);
  expect(failure.code, what).toBe('NOT_FOUND');
  expect(failure.message, what).toContain('did not exist on');
}

/** Every team, person and check-in read as of the cut, against the replayed rows; counts them. */
async function compareAt(world: World, asOf: AsOf, rows: TargetRows, tally: Tally) {
  const admin = world.admin.api;
  const live = await liveIds(world.companyId);
  const teamById = new Map(rows.teams.map((row) => [row.id, row]));
  for (const id of live.teams) {
    const row = teamById.get(id);
    const read = admin.teams.get({ id, asOf });
    if (!row) {
      await expectMissing(read, `team ${id}`);
      tally.missing += 1;
      continue;
    }
    const { team, members } = await read;
    tally.teams += 1;
    const replayedMembers = rows.persons.filter((person) => person.team_id === id);
    expect(team, `team ${id}`).toMatchObject({
      name: row.name,
      description: row.description,
      leader: { id: row.leader_id },
      supervisor: row.supervisor_id ? { id: row.supervisor_id } : null,
      windowStart: row.window_start,
      windowEnd: row.window_end,
      workDays: row.work_days,
      isActive: row.is_active,
      deactivatedAt: iso(row.deactivated_at as Date | null),
      deactivationReason: row.deactivation_reason,
      memberCount: replayedMembers.filter((person) => person.is_active).length,
      createdAt: iso(row.created_at as Date),
      updatedAt: iso(row.updated_at as Date),
      version: row.event_id,
    });
    expect(members.map((member) => member.id).sort(), `members of ${id}`).toEqual(
      replayedMembers.map((person) => person.id).sort(),
    );
  }
  const personById = new Map(rows.persons.map((row) => [row.id, row]));
  for (const id of live.persons) {
    const row = personById.get(id);
    const read = admin.people.get({ id, asOf });
    if (!row) {
      await expectMissing(read, `person ${id}`);
      tally.missing += 1;
      continue;
    }
    tally.persons += 1;
    const team = row.team_id ? teamById.get(row.team_id) : undefined;
    const led = rows.teams.find((t) => t.leader_id === id && t.is_active);
    expect(await read, `person ${id}`).toMatchObject({
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
      role: row.role,
      phone: row.phone,
      team: team ? { id: team.id, name: team.name, isActive: team.is_active } : null,
      teamAssignedOn: row.assigned_on,
      leads: led ? { id: led.id, name: led.name } : null,
      scheduleOverride: {
        windowStart: row.window_start,
        windowEnd: row.window_end,
        workDays: row.work_days,
      },
      isActive: row.is_active,
      deactivatedAt: iso(row.deactivated_at as Date | null),
      deactivatedById: row.deactivated_by_id,
      deactivationReason: row.deactivation_reason,
      createdAt: iso(row.created_at as Date),
      updatedAt: iso(row.updated_at as Date),
      version: row.event_id,
    });
  }
  const checkInById = new Map(rows.checkIns.map((row) => [row.id, row]));
  for (const id of live.checkIns) {
    const row = checkInById.get(id);
    const read = admin.checkIn.get({ id, asOf });
    if (!row) {
      await expectMissing(read, `check-in ${id}`);
      tally.missing += 1;
      continue;
    }
    const { checkIn, versions } = await read;
    tally.checkIns += 1;
    expect(checkIn, `check-in ${id}`).toMatchObject({
      personId: row.person_id,
      teamId: row.team_id,
      localDate: row.day,
      inputs: { hoursSlept: row.hours, stressLevel: row.stress_level },
      scores: { readinessScore: row.readiness_score, level: row.readiness_level },
      isLate: row.is_late,
      submittedAt: iso(row.submitted_at as Date),
      amendedAt: iso(row.amended_at as Date | null),
      version: row.version,
    });
    expect(versions, `versions of ${id}`).toHaveLength(row.version as number);
  }
}

/** Each event's transaction, in log order. */
async function transactionsOf(companyId: string): Promise<string[]> {
  const rows = await owner.query<{ tx: string }>(
    'SELECT tx_id::text AS tx FROM events WHERE company_id = $1 ORDER BY position',
    [companyId],
  );
  return rows.rows.map((row) => row.tx);
}

/** Two check-ins and an amendment before the random steps, so every history has some to read. */
const CHECK_INS_FIRST: Step[] = [
  { kind: 'submit', company: 0, a: 0, b: 1 },
  { kind: 'submit', company: 0, a: 1, b: 2 },
  { kind: 'amend', company: 0, a: 0, b: 7 },
];

const cutArbitrary = fc.record({
  kind: fc.constantFrom('afterEventId', 'at'),
  /** Where in the log, in thousandths of its length (unbiased: fast-check favours the ends). */
  share: fc.noBias(fc.integer({ min: 0, max: 999 })),
});

describe('state as of a cut of the log', () => {
  it(`equals a replay of only the events up to the cut, for random histories and cuts (seed ${SEED}, ${RUNS} runs)`, async () => {
    console.info(`as-of property: seed ${SEED}, ${RUNS} runs`);
    let compared = 0;
    const tally: Tally = { teams: 0, persons: 0, checkIns: 0, missing: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArbitrary, { minLength: 15, maxLength: 30 }),
        fc.array(cutArbitrary, { minLength: 2, maxLength: 4 }),
        async (steps, cuts) => {
          // Monday 2026-11-23, 08:00 in Berlin: inside the default window (check-in days).
          const clock = { day: 0 };
          api.deps.now = () => new Date(Date.UTC(2026, 10, 23 + clock.day, 7, 0));
          const world = await newWorld(api);
          for (const step of [...CHECK_INS_FIRST, ...steps]) {
            try {
              await runStep({ api, owner }, world, step, clock);
            } catch (error) {
              if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') {
                throw error;
              }
            }
          }
          const log = await companyLog(owner, world.companyId);
          const txOf = await transactionsOf(world.companyId);
          // Sealed fields of the log open with the source's keys (copied along by the replay).
          const keys = await companyKeyRing(owner, world.companyId);
          const chosen = cuts
            .map(({ kind, share }) => {
              // The last event of its transaction: a replay cannot stop inside one (its
              // rows may refer to each other, checked when it commits).
              let index = Math.floor((share / 1000) * log.length);
              while (index + 1 < log.length && txOf[index + 1] === txOf[index]) index += 1;
              const event = log[index];
              if (!event) throw new Error(`no event at ${index} of ${log.length}`);
              const asOf: AsOf =
                kind === 'at' ? { at: event.createdAt.toISOString() } : { afterEventId: event.id };
              const included =
                kind === 'at'
                  ? log.filter((e) => e.createdAt <= event.createdAt).length
                  : index + 1;
              return { asOf, included };
            })
            .sort((a, b) => a.included - b.included);
          const target = replayTarget();
          targetDb ??= createDb(target.appUrl);
          let replayed = 0;
          for (const { asOf, included } of chosen) {
            if ('at' in asOf) {
              // One command at a time: time order is log order, so a time cut is a prefix.
              const at = new Date(asOf.at);
              expect(log.slice(0, included).every((e) => e.createdAt <= at)).toBe(true);
            }
            // The keys of the people created so far (a key row needs its person).
            const people = new Set(
              log
                .slice(0, included)
                .flatMap((e) => (e.type === 'PERSON_CREATED' ? [e.entityId] : [])),
            );
            const ring = new KeyRing(new Map(keys.entries().filter(([id]) => people.has(id))));
            await replayCompanyEvents(targetDb, world.companyId, log.slice(replayed, included), {
              keys: ring,
            });
            replayed = included;
            await compareAt(world, asOf, await targetRows(target.owner, world.companyId), tally);
            compared += 1;
          }
          api.deps.now = undefined;
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.info(`as-of property: ${compared} cuts, entities compared ${JSON.stringify(tally)}`);
    expect(compared).toBeGreaterThanOrEqual(RUNS * 2);
    // The histories must give the reads something to show, and the cuts something to hide.
    expect(tally.teams).toBeGreaterThan(0);
    expect(tally.checkIns).toBeGreaterThan(0);
    expect(tally.missing).toBeGreaterThan(0);
  }, 600_000);
});
