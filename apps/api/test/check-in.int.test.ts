import { randomUUID } from 'node:crypto';
import { event, executeCommand } from '@aegira/db';
import { computeReadiness } from '@aegira/domain';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { berlin, fixClock } from '../test-support/clock.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  holidayFixture,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

const setClock = (instant: Date) => fixClock(api, instant);
beforeEach(() => setClock(berlin('08:00')));

const good = GOOD_CHECK_IN;
const poor = {
  hoursSlept: 5.5,
  sleepQuality: 4,
  stressLevel: 7,
  physicalCondition: 5,
  painLevel: 3,
  painLocation: 'lower_back' as const,
};

async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[]) {
  return (await owner.query<T>(sql, params)).rows;
}

async function workerInTeam(company?: CompanyFixture, schedule = {}) {
  const c = company ?? (await companyFixture(api));
  const team = await teamFixture(api, c, schedule);
  const worker = await personFixture(api, c, 'WORKER', { teamId: team.id });
  return { company: c, team, worker };
}

describe('checkIn.submit', () => {
  it('stores the inputs, every factor score and the formula version, linked to its event', async () => {
    const { worker, team } = await workerInTeam();
    const result = await worker.client.api.checkIn.submit(good);
    expect(result).toMatchObject({
      localDate: '2026-11-27',
      teamId: team.id,
      isLate: false,
      minutesLate: 0,
      version: 1,
      scores: {
        formulaVersion: 1,
        hoursScore: 100,
        sleepScore: 88.9,
        stressScore: 77.8,
        physicalScore: 77.8,
        painScore: 100,
        readinessScore: 86,
        level: 'GREEN',
      },
    });
    const [row] = await rows<{ event_id: string; local_date: string; readiness_score: number }>(
      'SELECT event_id, local_date::text, readiness_score FROM check_ins WHERE id = $1',
      [result.id],
    );
    const events = await rows<{
      id: string;
      type: string;
      payload: { scores: { readinessScore: number } };
    }>('SELECT id, type, payload FROM events WHERE entity_id = $1', [result.id]);
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('CHECK_IN_SUBMITTED');
    expect(row?.event_id).toBe(events[0]?.id);
    expect(row?.local_date).toBe('2026-11-27');
    expect(events[0]?.payload.scores.readinessScore).toBe(86);
  });

  it('gives 48 RED for (5.5 h, quality 4, stress 7, physical 5, pain 3), the same as the shared formula', async () => {
    const { worker } = await workerInTeam();
    const result = await worker.client.api.checkIn.submit(poor);
    expect(result.scores.readinessScore).toBe(48);
    expect(result.scores.level).toBe('RED');
    expect(result.scores).toEqual(computeReadiness(poor));
  });

  it('accepts a check-in after the window, marked late with the minutes late', async () => {
    const { worker } = await workerInTeam();
    setClock(berlin('10:47'));
    const result = await worker.client.api.checkIn.submit(good);
    expect(result).toMatchObject({ isLate: true, minutesLate: 47 });
  });

  it('refuses a second submit on the same day with CONFLICT and writes no second event', async () => {
    const { worker } = await workerInTeam();
    await worker.client.api.checkIn.submit(good);
    await expect(worker.client.api.checkIn.submit(poor)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const events = await rows('SELECT 1 FROM events WHERE actor_id = $1 AND type = $2', [
      worker.id,
      'CHECK_IN_SUBMITTED',
    ]);
    expect(events).toHaveLength(1);
  });

  it('leaves exactly one row and one event when 20 submits race for the same day', async () => {
    const { worker } = await workerInTeam();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => worker.client.api.checkIn.submit(good)),
    );
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    for (const failure of rejected) {
      expect(failure.reason).toMatchObject({ code: 'CONFLICT' });
    }
    expect(await rows('SELECT 1 FROM check_ins WHERE person_id = $1', [worker.id])).toHaveLength(1);
    expect(
      await rows("SELECT 1 FROM events WHERE actor_id = $1 AND type = 'CHECK_IN_SUBMITTED'", [
        worker.id,
      ]),
    ).toHaveLength(1);
  });

  it.each([
    ['before the window opens', () => berlin('05:59'), {}, 'WINDOW_NOT_OPEN', /opens at 06:00/],
    [
      'on a non-work day',
      () => berlin('08:00', '2026-11-28'),
      {},
      'NON_WORK_DAY',
      /not one of your work days/,
    ],
  ])('refuses %s with its own reason', async (_label, clock, schedule, reason, message) => {
    const { worker } = await workerInTeam(undefined, schedule);
    setClock(clock());
    const failure = await failureOf(worker.client.api.checkIn.submit(good));
    expect(failure).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason });
    expect(failure.message).toMatch(message);
    expect(
      await rows('SELECT 1 FROM events WHERE actor_id = $1 AND type = $2', [
        worker.id,
        'CHECK_IN_SUBMITTED',
      ]),
    ).toHaveLength(0);
  });

  it('refuses on a company holiday, naming it', async () => {
    const { company, worker } = await workerInTeam();
    await holidayFixture(api, company, {
      date: '2025-11-27',
      name: 'Founders Day',
      recurring: true,
    });
    await expect(worker.client.api.checkIn.submit(good)).rejects.toMatchObject({
      cause: { reason: 'HOLIDAY' },
      message: expect.stringMatching(/Founders Day/),
    });
    const status = await worker.client.api.checkIn.status();
    expect(status).toMatchObject({
      status: 'holiday',
      holidayName: 'Founders Day',
      canCheckIn: false,
    });
  });

  it('refuses a person with no team', async () => {
    const company = await companyFixture(api);
    const loner = await personFixture(api, company, 'WORKER');
    await expect(loner.client.api.checkIn.submit(good)).rejects.toMatchObject({
      cause: { reason: 'NO_TEAM' },
    });
    expect((await loner.client.api.checkIn.status()).blockedReason).toBe('NO_TEAM');
  });

  it('refuses when the team is inactive', async () => {
    const { company, team, worker } = await workerInTeam();
    // Past the service, which would unassign the worker: an inactive team that still has them.
    await executeCommand(api.db, company.actor, async () => [
      event('TEAM_DEACTIVATED', {
        id: team.id,
        reason: 'test',
        deactivatedAt: new Date().toISOString(),
        deactivatedById: company.adminId,
        unassignedPersonIds: [],
      }),
    ]);
    await expect(worker.client.api.checkIn.submit(good)).rejects.toMatchObject({
      cause: { reason: 'TEAM_INACTIVE' },
    });
  });

  it('uses the personal override of one schedule field', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const early = await personFixture(api, company, 'WORKER', {
      teamId: team.id,
      windowEnd: '07:00',
    });
    const result = await early.client.api.checkIn.submit(good);
    expect(result).toMatchObject({ isLate: true, minutesLate: 60 });
  });

  it('stores the local date of a company west of UTC, never shifted through UTC', async () => {
    const company = await companyFixture(api, 'America/Los_Angeles');
    const team = await teamFixture(api, company, {
      windowStart: '00:00',
      windowEnd: '23:59',
      workDays: [1, 2, 3, 4, 5, 6, 7],
    });
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    // 03:30 UTC on the 27th is 19:30 on the 26th in Los Angeles.
    setClock(new Date('2026-11-27T03:30:00Z'));
    const result = await worker.client.api.checkIn.submit(good);
    expect(result.localDate).toBe('2026-11-26');
    const [row] = await rows<{ local_date: string }>(
      'SELECT local_date::text FROM check_ins WHERE id = $1',
      [result.id],
    );
    expect(row?.local_date).toBe('2026-11-26');
  });

  it('resolves a missed check-in recorded for the day when the late check-in arrives', async () => {
    const { company, team, worker } = await workerInTeam();
    const missId = randomUUID();
    await executeCommand(api.db, { companyId: company.companyId, actorId: null }, async () => [
      event('MISSED_CHECK_IN_DETECTED', {
        id: missId,
        personId: worker.id,
        teamId: team.id,
        localDate: '2026-11-27',
        detectedAt: new Date().toISOString(),
        snapshot: null,
      }),
    ]);
    setClock(berlin('11:15'));
    const checkIn = await worker.client.api.checkIn.submit(good);
    const [miss] = await rows<{ resolved_by_check_in_id: string | null }>(
      'SELECT resolved_by_check_in_id FROM missed_check_ins WHERE id = $1',
      [missId],
    );
    expect(miss?.resolved_by_check_in_id).toBe(checkIn.id);
    expect(
      await rows(
        "SELECT 1 FROM events WHERE entity_id = $1 AND type = 'MISSED_CHECK_IN_RESOLVED'",
        [missId],
      ),
    ).toHaveLength(1);
  });
});

describe('checkIn input validation', () => {
  it.each([
    [{ ...good, hoursSlept: 7.3 }, 'hoursSlept', /half hours|between 0 and 15/],
    [{ ...good, hoursSlept: 16 }, 'hoursSlept', /between 0 and 15/],
    [{ ...good, stressLevel: 11 }, 'stressLevel', /between 1 and 10/],
    [{ ...good, sleepQuality: 0 }, 'sleepQuality', /between 1 and 10/],
    [{ ...good, painLevel: 2 }, 'painLocation', /required/],
    [{ ...good, notes: 'x'.repeat(501) }, 'notes', /500/],
  ])('rejects %o on the %s field and writes nothing', async (input, field, message) => {
    const { worker } = await workerInTeam();
    const failure = await failureOf(worker.client.api.checkIn.submit(input));
    expect(failure.code).toBe('BAD_REQUEST');
    expect(failure.fieldErrors?.[field]?.join(' ')).toMatch(message);
    expect(await rows('SELECT 1 FROM check_ins WHERE person_id = $1', [worker.id])).toHaveLength(0);
  });
});

describe('checkIn.amend and history', () => {
  it('amends today: the row shows the latest values and the history keeps both versions', async () => {
    const { worker } = await workerInTeam();
    const first = await worker.client.api.checkIn.submit(good);
    setClock(berlin('09:00'));
    const amended = await worker.client.api.checkIn.amend(poor);
    expect(amended).toMatchObject({ id: first.id, version: 2, scores: { readinessScore: 48 } });
    expect(amended.amendedAt).toBe(berlin('09:00').toISOString());

    const detail = await worker.client.api.checkIn.get({ id: first.id });
    expect(detail.versions.map((version) => [version.type, version.scores.readinessScore])).toEqual(
      [
        ['CHECK_IN_SUBMITTED', 86],
        ['CHECK_IN_UPDATED', 48],
      ],
    );
    const today = await worker.client.api.checkIn.today();
    expect(today?.scores.readinessScore).toBe(48);
  });

  it('has nothing to amend before a check-in', async () => {
    const { worker } = await workerInTeam();
    await expect(worker.client.api.checkIn.amend(good)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('pages the history newest first by cursor', async () => {
    const { worker } = await workerInTeam();
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) {
      setClock(berlin('08:00', date));
      await worker.client.api.checkIn.submit(good);
    }
    const first = await worker.client.api.checkIn.history({ limit: 2 });
    expect(first.items.map((item) => item.localDate)).toEqual(['2026-11-27', '2026-11-26']);
    const second = await worker.client.api.checkIn.history({
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items.map((item) => item.localDate)).toEqual(['2026-11-25', '2026-11-24']);
    const third = await worker.client.api.checkIn.history({
      limit: 2,
      cursor: second.nextCursor ?? undefined,
    });
    expect(third.items.map((item) => item.localDate)).toEqual(['2026-11-23']);
    expect(third.nextCursor).toBeNull();
  });

  it('reports the status of the day in plain words', async () => {
    const { worker } = await workerInTeam();
    setClock(berlin('05:30'));
    expect(await worker.client.api.checkIn.status()).toMatchObject({
      status: 'before_window',
      canCheckIn: false,
      message: 'Check-in opens at 06:00',
      window: { start: '06:00', end: '10:00' },
    });
    setClock(berlin('07:00'));
    expect(await worker.client.api.checkIn.status()).toMatchObject({
      status: 'open',
      windowOpen: true,
      canCheckIn: true,
    });
    await worker.client.api.checkIn.submit(good);
    expect(await worker.client.api.checkIn.status()).toMatchObject({
      alreadyCheckedIn: true,
      canCheckIn: false,
    });
  });
});

describe('who may read check-ins', () => {
  it('lets a team lead, the supervisor, WHS and admins read a worker; not another team or company', async () => {
    const company = await companyFixture(api);
    const supervisor = await personFixture(api, company, 'SUPERVISOR');
    const { team, worker } = await workerInTeam(company, { supervisorId: supervisor.id });
    const other = await teamFixture(api, company);
    const whs = await personFixture(api, company, 'WHS');
    const colleague = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const checkIn = await worker.client.api.checkIn.submit(good);

    for (const reader of [team.lead.client, supervisor.client, whs.client, company.admin]) {
      expect((await reader.api.checkIn.get({ id: checkIn.id })).checkIn.id).toBe(checkIn.id);
      expect(
        (await reader.api.checkIn.history({ personId: worker.id, limit: 5 })).items,
      ).toHaveLength(1);
    }
    for (const outsider of [other.lead.client, colleague.client]) {
      await expect(outsider.api.checkIn.get({ id: checkIn.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(
        (await outsider.api.checkIn.history({ personId: worker.id, limit: 5 })).items,
      ).toHaveLength(0);
    }
    const foreign = await companyFixture(api);
    await expect(foreign.admin.api.checkIn.get({ id: checkIn.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      (await foreign.admin.api.checkIn.history({ personId: worker.id, limit: 5 })).items,
    ).toHaveLength(0);
  });
});
