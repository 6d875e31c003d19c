import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditChain, event, executeCommand } from '@aegira/db';
import { EventType } from '@aegira/events';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  failureOf,
  type TestApi,
  type TestClient,
  useTestApi,
} from '../../test-support/api-harness.ts';
import { berlin, fixClock } from '../../test-support/clock.ts';
import { gate } from '../../test-support/fault-support.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../../test-support/fixtures.ts';

// Concurrency cases of resilience-cases.md (decision 035: versions are event ids).

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

async function eventsOf(entityId: string, type: string): Promise<number> {
  const { rows } = await owner.query<{ n: string }>(
    'SELECT count(*) AS n FROM events WHERE entity_id = $1 AND type = $2',
    [entityId, type],
  );
  return Number(rows[0]?.n);
}

async function teamVersion(teamId: string): Promise<string> {
  const { rows } = await owner.query<{ event_id: string }>(
    'SELECT event_id FROM teams WHERE id = $1',
    [teamId],
  );
  const version = rows[0]?.event_id;
  if (!version) throw new Error(`no team ${teamId}`);
  return version;
}

/** Polls pg_stat_activity until a backend waits on a lock while running `queryPart`. */
async function waitUntilBlocked(queryPart: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await owner.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`,
      [`%${queryPart}%`],
    );
    if (Number(rows[0]?.n) > 0) return;
    await sleep(20);
  }
  throw new Error(`no backend blocked on a lock in ${queryPart}`);
}

describe('concurrency', () => {
  it('CC-1: 50 concurrent check-ins of one person and day: 1 succeeds, 49 CONFLICT, 1 row, 1 event', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () => worker.client.api.checkIn.submit(GOOD_CHECK_IN)),
    );
    const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const failures = await Promise.all(
      outcomes
        .filter((outcome) => outcome.status === 'rejected')
        .map((outcome) => failureOf(Promise.reject(outcome.reason))),
    );
    expect(succeeded).toHaveLength(1);
    expect(failures.map((failure) => failure.code)).toEqual(Array(49).fill('CONFLICT'));
    const rows = await owner.query('SELECT id FROM check_ins WHERE person_id = $1', [worker.id]);
    expect(rows.rowCount).toBe(1);
    const submitted = await owner.query(
      `SELECT id FROM events WHERE type = 'CHECK_IN_SUBMITTED' AND payload->>'personId' = $1`,
      [worker.id],
    );
    expect(submitted.rowCount).toBe(1);
  });

  it('CC-2: in Europe/Paris, 23:59 and 00:01 local are two days across UTC midnight and both DST changes; 00:30 and 23:30 of one day conflict', async () => {
    const company = await companyFixture(api, 'Europe/Paris');
    // A window all day, every day, so only the local date decides.
    const team = await teamFixture(api, company, {
      windowStart: '00:00',
      windowEnd: '23:59',
      workDays: [1, 2, 3, 4, 5, 6, 7],
    });
    const submitAt = async (client: TestClient, instant: string) => {
      fixClock(api, new Date(instant));
      return client.api.checkIn.submit(GOOD_CHECK_IN);
    };
    const localDates = async (personId: string) =>
      (
        await owner.query<{ local_date: string }>(
          'SELECT local_date::text AS local_date FROM check_ins WHERE person_id = $1 ORDER BY local_date',
          [personId],
        )
      ).rows.map((row) => row.local_date);

    // Winter (UTC+1): 23:59 and 00:01 local are 22:59Z and 23:01Z, one UTC date.
    const winter = await personFixture(api, company, 'WORKER', { teamId: team.id });
    await submitAt(winter.client, '2026-11-27T23:59:00+01:00');
    await submitAt(winter.client, '2026-11-28T00:01:00+01:00');
    expect(await localDates(winter.id)).toEqual(['2026-11-27', '2026-11-28']);

    // Clocks go back on 2026-10-25 (03:00 CEST → 02:00 CET); the night before is CEST.
    const autumn = await personFixture(api, company, 'WORKER', { teamId: team.id });
    await submitAt(autumn.client, '2026-10-24T23:59:00+02:00');
    await submitAt(autumn.client, '2026-10-25T00:01:00+02:00');
    expect(await localDates(autumn.id)).toEqual(['2026-10-24', '2026-10-25']);

    // Clocks go forward on 2026-03-29 (02:00 CET → 03:00 CEST).
    const spring = await personFixture(api, company, 'WORKER', { teamId: team.id });
    await submitAt(spring.client, '2026-03-28T23:59:00+01:00');
    await submitAt(spring.client, '2026-03-29T00:01:00+01:00');
    expect(await localDates(spring.id)).toEqual(['2026-03-28', '2026-03-29']);

    // 00:30 CEST and 23:30 CET of the 25-hour day 2026-10-25: one local day, 24 h apart in UTC.
    const sameDay = await personFixture(api, company, 'WORKER', { teamId: team.id });
    await submitAt(sameDay.client, '2026-10-25T00:30:00+02:00');
    const second = await failureOf(submitAt(sameDay.client, '2026-10-25T23:30:00+01:00'));
    expect(second.code).toBe('CONFLICT');
    expect(second.appCode).toBe('ALREADY_CHECKED_IN');
    expect(await localDates(sameDay.id)).toEqual(['2026-10-25']);
  });

  it('CC-3: two team edits with the same expectedVersion race: one wins (one event, new version), the other gets CONFLICT with the current team', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const other = await personFixture(api, company, 'ADMIN');
    const loaded = (await company.admin.api.teams.get({ id: team.id })).team;
    expect(loaded.version).toBe(await teamVersion(team.id));
    const outcomes = await Promise.allSettled([
      company.admin.api.teams.update({
        id: team.id,
        name: 'Edited by A',
        expectedVersion: loaded.version,
      }),
      other.client.api.teams.update({
        id: team.id,
        name: 'Edited by B',
        expectedVersion: loaded.version,
      }),
    ]);
    const winners = outcomes.flatMap((outcome) =>
      outcome.status === 'fulfilled' ? [outcome.value] : [],
    );
    const losers = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason] : [],
    );
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = winners[0];
    const failure = await failureOf(Promise.reject(losers[0]));
    expect(failure.code).toBe('CONFLICT');
    expect(failure.appCode).toBe('VERSION_CONFLICT');
    expect(failure.current).toMatchObject({
      id: team.id,
      name: winner?.name,
      version: winner?.version,
    });
    expect(winner?.version).not.toBe(loaded.version);
    expect(await teamVersion(team.id)).toBe(winner?.version);
    expect(await eventsOf(team.id, 'TEAM_UPDATED')).toBe(1);
    const stored = await owner.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [
      team.id,
    ]);
    expect(stored.rows[0]?.name).toBe(winner?.name);
  });

  it('CC-3: the same race on a person edit, and a stale version on deactivate, reactivate and role change', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const other = await personFixture(api, company, 'ADMIN');
    const target = await personFixture(api, company, 'SUPERVISOR');
    const loaded = await company.admin.api.people.get({ id: target.id });
    const outcomes = await Promise.allSettled([
      company.admin.api.people.update({
        personId: target.id,
        firstName: 'Alpha',
        expectedVersion: loaded.version,
      }),
      other.client.api.people.update({
        personId: target.id,
        firstName: 'Bravo',
        expectedVersion: loaded.version,
      }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    const failure = await failureOf(
      Promise.reject(rejected?.status === 'rejected' ? rejected.reason : null),
    );
    expect(failure.appCode).toBe('VERSION_CONFLICT');
    const current = await company.admin.api.people.get({ id: target.id });
    expect(failure.current).toMatchObject({
      id: target.id,
      firstName: current.firstName,
      version: current.version,
    });
    expect(await eventsOf(target.id, 'PERSON_UPDATED')).toBe(1);

    const stale = loaded.version;
    const deactivate = await failureOf(
      company.admin.api.people.deactivate({
        personId: target.id,
        reason: 'left',
        expectedVersion: stale,
      }),
    );
    expect(deactivate.appCode).toBe('VERSION_CONFLICT');
    const role = await failureOf(
      company.admin.api.people.changeRole({
        personId: target.id,
        role: 'ADMIN',
        expectedVersion: stale,
      }),
    );
    expect(role.appCode).toBe('VERSION_CONFLICT');
    // With the current version each goes through, and moves the version on.
    const deactivated = await company.admin.api.people.deactivate({
      personId: target.id,
      reason: 'left',
      expectedVersion: current.version,
    });
    expect(deactivated.isActive).toBe(false);
    const reactivate = await failureOf(
      company.admin.api.people.reactivate({
        personId: target.id,
        expectedVersion: current.version,
      }),
    );
    expect(reactivate.appCode).toBe('VERSION_CONFLICT');
    expect((reactivate.current as { isActive: boolean }).isActive).toBe(false);
    const back = await company.admin.api.people.reactivate({
      personId: target.id,
      expectedVersion: deactivated.version,
    });
    expect(back.isActive).toBe(true);
    expect(back.version).not.toBe(deactivated.version);
  });

  it("CC-4: writer B, blocked on A's row lock, gets CONFLICT when A commits and does not overwrite A's version", async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const loaded = (await company.admin.api.teams.get({ id: team.id })).team;
    const release = gate();
    const locked = gate();
    // Writer A: a command that holds the team's row lock in its open transaction.
    const writerA = executeCommand(api.db, company.actor, async (read) => {
      await read.$queryRaw`SELECT id FROM teams WHERE id = ${team.id}::uuid FOR UPDATE`;
      locked.open();
      await release.opened;
      return [event(EventType.TEAM_UPDATED, { id: team.id, changes: { name: 'Written by A' } })];
    });
    await locked.opened;
    const writerB = failureOf(
      company.admin.api.teams.update({
        id: team.id,
        name: 'Written by B',
        expectedVersion: loaded.version,
      }),
    );
    await waitUntilBlocked('FROM teams WHERE id');
    release.open();
    const [storedA] = await writerA;
    const failure = await writerB;
    expect(failure.code).toBe('CONFLICT');
    expect(failure.appCode).toBe('VERSION_CONFLICT');
    expect(failure.current).toMatchObject({ name: 'Written by A', version: storedA?.id });
    expect(await teamVersion(team.id)).toBe(storedA?.id);
    const stored = await owner.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [
      team.id,
    ]);
    expect(stored.rows[0]?.name).toBe('Written by A');
    expect(await eventsOf(team.id, 'TEAM_UPDATED')).toBe(1);
  });

  it('CC-6: deactivating an inactive team or person appends nothing and keeps the version', async () => {
    fixClock(api, berlin('08:00'));
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const person = await personFixture(api, company, 'SUPERVISOR');
    const doneTeam = await company.admin.api.teams.deactivate({ id: team.id, reason: 'merged' });
    const donePerson = await company.admin.api.people.deactivate({
      personId: person.id,
      reason: 'left',
    });
    const eventCount = async () =>
      (await owner.query('SELECT id FROM events WHERE company_id = $1', [company.companyId]))
        .rowCount;
    const before = await eventCount();
    const teamAgain = await failureOf(
      company.admin.api.teams.deactivate({
        id: team.id,
        reason: 'merged again',
        expectedVersion: doneTeam.version,
      }),
    );
    const personAgain = await failureOf(
      company.admin.api.people.deactivate({
        personId: person.id,
        reason: 'left again',
        expectedVersion: donePerson.version,
      }),
    );
    expect([teamAgain.appCode, personAgain.appCode]).toEqual([
      'ALREADY_INACTIVE',
      'ALREADY_INACTIVE',
    ]);
    expect(await eventCount()).toBe(before);
    expect(await teamVersion(team.id)).toBe(doneTeam.version);
    expect((await company.admin.api.people.get({ id: person.id })).version).toBe(
      donePerson.version,
    );
  });

  it('CC-7: an event whose transaction began first but commits last is sealed after the other, never skipped', async () => {
    const company: CompanyFixture = await companyFixture(api);
    await auditChain.sealCompanyLog(api.db, company.companyId);
    const open = async () => {
      const client = new pg.Client({ connectionString: api.appUrl });
      client.on('error', () => undefined);
      await client.connect();
      return client;
    };
    const [t1, t2] = await Promise.all([open(), open()]);
    const insert = async (client: pg.Client) => {
      const id = randomUUID();
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.company_id', $1, true)", [company.companyId]);
      await client.query(
        `INSERT INTO events (id, company_id, type, entity_type, entity_id, payload, schema_version)
         VALUES ($1, $2, 'COMPANY_UPDATED', 'company', $2, $3, 1)`,
        [id, company.companyId, JSON.stringify({ id: company.companyId, changes: { name: id } })],
      );
      return id;
    };
    try {
      const first = await insert(t1); // the lower position, still in flight
      const second = await insert(t2);
      await t2.query('COMMIT');
      // The tailing reader polls between the two commits: it takes T2's event and waits for T1.
      expect((await auditChain.sealCompanyLog(api.db, company.companyId)).sealed).toBe(1);
      await t1.query('COMMIT');
      expect((await auditChain.sealCompanyLog(api.db, company.companyId)).sealed).toBe(1);
      const order = await owner.query<{ event_id: string }>(
        'SELECT event_id FROM event_seals WHERE company_id = $1 ORDER BY seq',
        [company.companyId],
      );
      expect(order.rows.map((row) => row.event_id).slice(-2)).toEqual([second, first]);
    } finally {
      await Promise.all([t1.end(), t2.end()]);
    }
  });
});
