import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../test-support/fresh-database.ts';
import { createDb, type Db } from './client.ts';
import { event, executeCommand } from './write-path.ts';

// Validity periods (docs/decisions/012): every change of a person or team row
// leaves a version, and "at an instant" reads the one in force then.

let database: FreshDatabase;
let db: Db;
let app: pg.Client;

beforeAll(async () => {
  database = await createFreshDatabase();
  db = createDb(database.appUrl);
  app = new pg.Client({ connectionString: database.appUrl });
  await app.connect();
});
afterAll(async () => {
  await app?.end();
  await db?.$disconnect();
  await database?.drop();
});

const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

async function now(): Promise<string> {
  const result = await app.query<{ now: string }>(
    'SELECT to_char(clock_timestamp() AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\') AS now',
  );
  await pause();
  return result.rows[0]?.now ?? '';
}

function person(id: string, role: 'ADMIN' | 'TEAM_LEAD' | 'WORKER', teamId: string | null) {
  return event('PERSON_CREATED', {
    id,
    email: `${id}@example.test`,
    firstName: 'P',
    lastName: id.slice(0, 4),
    phone: null,
    windowStart: null,
    windowEnd: null,
    workDays: [],
    role,
    teamId,
    teamAssignedOn: teamId ? '2026-11-01' : null,
    mustChangePassword: false,
  });
}

function team(id: string, leaderId: string) {
  return event('TEAM_CREATED', {
    id,
    name: `Team ${id.slice(0, 4)}`,
    description: null,
    leaderId,
    supervisorId: null,
    windowStart: '06:00',
    windowEnd: '10:00',
    workDays: [1, 2, 3, 4, 5],
  });
}

async function at<T extends pg.QueryResultRow>(
  companyId: string,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  await app.query('BEGIN');
  try {
    await app.query("SELECT set_config('app.company_id', $1, true)", [companyId]);
    return (await app.query<T>(sql, params)).rows;
  } finally {
    await app.query('ROLLBACK');
  }
}

describe('state at an instant', () => {
  it('given a move, a schedule change and a role change mid-period, each instant reads the state in force then', async () => {
    const [companyId, adminId, leadA, leadB, teamA, teamB, worker] = Array.from({ length: 7 }, () =>
      randomUUID(),
    );
    const actor = { companyId: companyId ?? '', actorId: adminId ?? '' };
    const run = (events: Parameters<typeof executeCommand>[2]) => executeCommand(db, actor, events);
    await run(async () => [
      event('COMPANY_CREATED', {
        id: actor.companyId,
        name: 'V',
        slug: `v-${companyId}`,
        timezone: 'UTC',
      }),
      person(actor.actorId, 'ADMIN', null),
      person(leadA ?? '', 'TEAM_LEAD', null),
      person(leadB ?? '', 'TEAM_LEAD', null),
      team(teamA ?? '', leadA ?? ''),
      team(teamB ?? '', leadB ?? ''),
      person(worker ?? '', 'WORKER', teamA ?? ''),
    ]);
    const start = await now();
    await run(async () => [
      event('TEAM_UPDATED', { id: teamA ?? '', changes: { windowEnd: '09:00' } }),
    ]);
    const afterSchedule = await now();
    await run(async () => [
      event('TEAM_MEMBER_UNASSIGNED', {
        personId: worker ?? '',
        teamId: teamA ?? '',
        reason: 'removed',
      }),
    ]);
    await run(async () => [
      event('TEAM_MEMBER_ASSIGNED', {
        personId: worker ?? '',
        teamId: teamB ?? '',
        effectiveOn: '2026-11-02',
      }),
    ]);
    const afterMove = await now();
    await run(async () => [
      event('PERSON_ROLE_CHANGED', {
        id: worker ?? '',
        from: 'WORKER',
        to: 'TEAM_LEAD',
        teamId: null,
        teamAssignedOn: null,
        tokenVersion: 1,
      }),
    ]);
    const afterRole = await now();

    const personAt = (instant: string) =>
      at<{ role: string; team_id: string | null }>(
        actor.companyId,
        'SELECT role, team_id FROM app_person_at($1, $2)',
        [worker, instant],
      );
    expect(await personAt(start)).toEqual([{ role: 'WORKER', team_id: teamA }]);
    expect(await personAt(afterMove)).toEqual([{ role: 'WORKER', team_id: teamB }]);
    expect(await personAt(afterRole)).toEqual([{ role: 'TEAM_LEAD', team_id: null }]);
    expect(await personAt('2000-01-01T00:00:00Z')).toEqual([]);

    const windowAt = async (instant: string) =>
      (
        await at<{ window_end: string }>(
          actor.companyId,
          'SELECT window_end FROM app_team_at($1, $2)',
          [teamA, instant],
        )
      )[0]?.window_end;
    expect(await windowAt(start)).toBe('10:00');
    expect(await windowAt(afterSchedule)).toBe('09:00');

    const membersAt = async (instant: string) =>
      (
        await at<{ id: string }>(
          actor.companyId,
          "SELECT id FROM app_persons_at($1) WHERE role = 'WORKER' AND team_id = $2",
          [instant, teamB],
        )
      ).map((row) => row.id);
    expect(await membersAt(start)).toEqual([]);
    expect(await membersAt(afterMove)).toEqual([worker]);
    expect(await membersAt(afterRole)).toEqual([]);
  });
});
