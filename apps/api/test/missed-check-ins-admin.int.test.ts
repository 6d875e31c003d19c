import { randomUUID } from 'node:crypto';
import { event, executeCommand } from '@aegira/db';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { berlin, fixClock } from '../test-support/clock.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';
import { writesOf } from '../test-support/writes.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

const setClock = (instant: Date) => fixClock(api, instant);
beforeEach(() => setClock(berlin('11:00')));

const snapshot = {
  windowStart: '06:00',
  windowEnd: '10:00',
  leadId: null,
  streakBefore: 4,
  missesLast30Days: 1,
};

/** A miss recorded the way detection records it (MISSED_CHECK_IN_DETECTED). */
async function recordMiss(
  company: CompanyFixture,
  miss: { personId: string; teamId: string; localDate: string },
  withSnapshot = false,
) {
  const id = randomUUID();
  await executeCommand(api.db, { companyId: company.companyId, actorId: null }, async () => [
    event('MISSED_CHECK_IN_DETECTED', {
      id,
      ...miss,
      detectedAt: `${miss.localDate}T09:10:00.000Z`,
      snapshot: withSnapshot ? snapshot : null,
    }),
  ]);
  return id;
}

/** Two teams (A supervised), two workers in A, one in B, and a WHS officer. */
async function world() {
  const company = await companyFixture(api);
  const supervisor = await personFixture(api, company, 'SUPERVISOR');
  const teamA = await teamFixture(api, company, { supervisorId: supervisor.id });
  const teamB = await teamFixture(api, company);
  const a1 = await personFixture(api, company, 'WORKER', { teamId: teamA.id });
  const a2 = await personFixture(api, company, 'WORKER', { teamId: teamA.id });
  const b1 = await personFixture(api, company, 'WORKER', { teamId: teamB.id });
  const whs = await personFixture(api, company, 'WHS');
  return { company, supervisor, teamA, teamB, a1, a2, b1, whs };
}

/** A refused call that wrote nothing: no event, no audit row. */
async function refusedWithoutWrites(company: CompanyFixture, call: () => Promise<unknown>) {
  const { result, events, audits } = await writesOf(owner, company.companyId, () =>
    failureOf(call()),
  );
  expect(events).toEqual([]);
  expect(audits).toEqual([]);
  return result;
}

async function missRow(id: string) {
  const { rows } = await owner.query(
    'SELECT resolved_at, resolved_by_check_in_id, excused_at, excused_by_id, excuse_reason FROM missed_check_ins WHERE id = $1',
    [id],
  );
  return rows[0];
}

describe('missedCheckIns.excuse', () => {
  it('lets the lead of the miss’s team excuse it: MISSED_CHECK_IN_EXCUSED and its audit row; the miss stays', async () => {
    const { company, teamA, a1 } = await world();
    const missId = await recordMiss(
      company,
      { personId: a1.id, teamId: teamA.id, localDate: '2026-11-26' },
      true,
    );
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      teamA.lead.client.api.missedCheckIns.excuse({ missId, reason: '  Doctor’s appointment ' }),
    );
    expect(result).toMatchObject({
      id: missId,
      personId: a1.id,
      teamId: teamA.id,
      localDate: '2026-11-26',
      state: 'excused',
      resolvedAt: null,
      excusedAt: berlin('11:00').toISOString(),
      excusedById: teamA.lead.id,
      excuseReason: 'Doctor’s appointment',
      snapshot,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'MISSED_CHECK_IN_EXCUSED',
      entity_type: 'missed_check_in',
      entity_id: missId,
      actor_id: teamA.lead.id,
      payload: {
        id: missId,
        excusedById: teamA.lead.id,
        reason: 'Doctor’s appointment',
        excusedAt: berlin('11:00').toISOString(),
      },
    });
    expect(audits).toMatchObject([
      {
        action: 'MISSED_CHECK_IN_EXCUSED',
        entity_id: missId,
        actor_id: teamA.lead.id,
        event_id: events[0]?.id,
        details: { personId: a1.id, teamId: teamA.id, localDate: '2026-11-26' },
      },
    ]);
    const listed = await teamA.lead.client.api.missedCheckIns.list({ personId: a1.id });
    expect(listed.items).toEqual([result]);
  });

  it('lets an admin excuse any miss', async () => {
    const { company, teamB, b1 } = await world();
    const missId = await recordMiss(company, {
      personId: b1.id,
      teamId: teamB.id,
      localDate: '2026-11-25',
    });
    const excused = await company.admin.api.missedCheckIns.excuse({ missId, reason: 'Flood' });
    expect(excused).toMatchObject({
      state: 'excused',
      excusedById: company.adminId,
      snapshot: null,
    });
  });

  it('refuses another team’s lead and the other roles, writing nothing', async () => {
    const { company, teamA, teamB, a1, supervisor, whs } = await world();
    const missId = await recordMiss(company, {
      personId: a1.id,
      teamId: teamA.id,
      localDate: '2026-11-26',
    });
    const other = await refusedWithoutWrites(company, () =>
      teamB.lead.client.api.missedCheckIns.excuse({ missId, reason: 'Not mine' }),
    );
    expect(other.code).toBe('FORBIDDEN');
    expect(other.message).toMatch(/team you do not lead/);
    for (const caller of [supervisor, whs, a1]) {
      const refused = await refusedWithoutWrites(company, () =>
        caller.client.api.missedCheckIns.excuse({ missId, reason: 'Please' }),
      );
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.message).toMatch(/can excuse a missed check-in/);
    }
    expect((await missRow(missId))?.excused_at).toBeNull();
  });

  it('goes by the team of the missed day, not the worker’s team now', async () => {
    const { company, teamA, teamB, b1 } = await world();
    // b1 was in team A on that day and is in team B now.
    const missId = await recordMiss(company, {
      personId: b1.id,
      teamId: teamA.id,
      localDate: '2026-11-20',
    });
    const refused = await refusedWithoutWrites(company, () =>
      teamB.lead.client.api.missedCheckIns.excuse({ missId, reason: 'New lead' }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    const excused = await teamA.lead.client.api.missedCheckIns.excuse({
      missId,
      reason: 'Old lead',
    });
    expect(excused.excusedById).toBe(teamA.lead.id);
  });

  it('refuses to excuse twice', async () => {
    const { company, teamA, a1 } = await world();
    const missId = await recordMiss(company, {
      personId: a1.id,
      teamId: teamA.id,
      localDate: '2026-11-26',
    });
    await teamA.lead.client.api.missedCheckIns.excuse({ missId, reason: 'First' });
    const twice = await refusedWithoutWrites(company, () =>
      company.admin.api.missedCheckIns.excuse({ missId, reason: 'Second' }),
    );
    expect(twice).toMatchObject({ code: 'CONFLICT', reason: 'EXCUSED' });
    expect(twice.message).toMatch(/of 2026-11-26 was already excused .* only an open miss/);
    expect((await missRow(missId))?.excuse_reason).toBe('First');
  });

  it('refuses a miss a late check-in resolved; it stays in history as resolved', async () => {
    const { company, teamA, a1 } = await world();
    const missId = await recordMiss(company, {
      personId: a1.id,
      teamId: teamA.id,
      localDate: '2026-11-27',
    });
    const checkIn = await a1.client.api.checkIn.submit(GOOD_CHECK_IN);
    const refused = await refusedWithoutWrites(company, () =>
      teamA.lead.client.api.missedCheckIns.excuse({ missId, reason: 'Too late' }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'RESOLVED' });
    expect(refused.message).toMatch(/already resolved by a late check-in/);
    const [listed] = (await company.admin.api.missedCheckIns.list({ personId: a1.id })).items;
    expect(listed).toMatchObject({
      id: missId,
      state: 'resolved',
      resolvedByCheckInId: checkIn.id,
      resolvedAt: berlin('11:00').toISOString(),
      excusedAt: null,
    });
  });

  it('gives a miss one outcome when an excuse and a late check-in race', async () => {
    const { company, teamA, a1 } = await world();
    const missId = await recordMiss(company, {
      personId: a1.id,
      teamId: teamA.id,
      localDate: '2026-11-27',
    });
    const [excuse] = await Promise.allSettled([
      teamA.lead.client.api.missedCheckIns.excuse({ missId, reason: 'Race' }),
      a1.client.api.checkIn.submit(GOOD_CHECK_IN),
    ]);
    const row = await missRow(missId);
    const outcomes = [row?.resolved_at, row?.excused_at].filter((value) => value !== null);
    expect(outcomes).toHaveLength(1);
    expect(excuse.status === 'fulfilled').toBe(row?.excused_at !== null);
  });

  it('names the field for a bad reason or id; an unknown miss is not found', async () => {
    const { company, teamA, a1 } = await world();
    const missId = await recordMiss(company, {
      personId: a1.id,
      teamId: teamA.id,
      localDate: '2026-11-26',
    });
    const blank = await refusedWithoutWrites(company, () =>
      company.admin.api.missedCheckIns.excuse({ missId, reason: '   ' }),
    );
    expect(blank.fieldErrors).toEqual({ reason: ['is required: say why the miss is excused'] });
    const long = await refusedWithoutWrites(company, () =>
      company.admin.api.missedCheckIns.excuse({ missId, reason: 'x'.repeat(501) }),
    );
    expect(long.fieldErrors).toEqual({ reason: ['must be at most 500 characters'] });
    const badId = await failureOf(
      company.admin.api.missedCheckIns.excuse({ missId: 'nope', reason: 'x' }),
    );
    expect(badId.fieldErrors).toEqual({ missId: ['must be the id of a missed check-in'] });
    const unknown = await refusedWithoutWrites(company, () =>
      company.admin.api.missedCheckIns.excuse({ missId: randomUUID(), reason: 'x' }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    const foreign = await companyFixture(api);
    const hidden = await failureOf(
      foreign.admin.api.missedCheckIns.excuse({ missId, reason: 'x' }),
    );
    expect(hidden.code).toBe('NOT_FOUND');
  });
});

describe('missedCheckIns.list', () => {
  it('shows each role what the access policy allows, newest day first, filtered and paged', async () => {
    const { company, supervisor, teamA, teamB, a1, a2, b1, whs } = await world();
    const m1 = await recordMiss(company, {
      personId: a1.id,
      teamId: teamA.id,
      localDate: '2026-11-24',
    });
    const m2 = await recordMiss(company, {
      personId: a2.id,
      teamId: teamA.id,
      localDate: '2026-11-25',
    });
    const m3 = await recordMiss(company, {
      personId: a1.id,
      teamId: teamA.id,
      localDate: '2026-11-26',
    });
    const m4 = await recordMiss(company, {
      personId: b1.id,
      teamId: teamB.id,
      localDate: '2026-11-26',
    });
    await company.admin.api.missedCheckIns.excuse({ missId: m2, reason: 'Ill' });
    type Client = typeof a1.client;
    const ids = async (client: Client, input = {}) =>
      (await client.api.missedCheckIns.list(input)).items.map((miss) => miss.id);

    expect(await ids(a1.client)).toEqual([m3, m1]);
    expect(await ids(teamA.lead.client)).toEqual([m3, m2, m1]);
    expect(await ids(supervisor.client)).toEqual([m3, m2, m1]);
    expect(await ids(teamB.lead.client)).toEqual([m4]);
    for (const reader of [whs.client, company.admin]) {
      const seen = await ids(reader);
      expect(seen).toHaveLength(4);
      expect(seen.slice(2)).toEqual([m2, m1]);
    }
    const foreign = await companyFixture(api);
    expect(await ids(foreign.admin)).toEqual([]);

    // Filters narrow the readable set; they never widen it.
    expect(await ids(teamA.lead.client, { teamId: teamB.id })).toEqual([]);
    expect(await ids(a1.client, { personId: a2.id })).toEqual([]);
    expect(await ids(company.admin, { teamId: teamB.id })).toEqual([m4]);
    expect(await ids(company.admin, { personId: a1.id })).toEqual([m3, m1]);
    expect(await ids(teamA.lead.client, { state: 'excused' })).toEqual([m2]);
    expect(await ids(teamA.lead.client, { state: 'open' })).toEqual([m3, m1]);
    expect(await ids(teamA.lead.client, { state: 'resolved' })).toEqual([]);
    expect(await ids(teamA.lead.client, { from: '2026-11-25', to: '2026-11-25' })).toEqual([m2]);
    expect(await ids(teamA.lead.client, { from: '2026-11-25' })).toEqual([m3, m2]);

    const first = await teamA.lead.client.api.missedCheckIns.list({ limit: 2 });
    expect(first.items.map((miss) => miss.id)).toEqual([m3, m2]);
    expect(first.nextCursor).toBe(m2);
    const second = await teamA.lead.client.api.missedCheckIns.list({
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second).toMatchObject({ items: [{ id: m1 }], nextCursor: null });

    const names = (await teamA.lead.client.api.missedCheckIns.list({ personId: a2.id })).items[0];
    expect(names).toMatchObject({
      personName: expect.stringContaining('WORKER'),
      teamName: expect.stringContaining('Team'),
      state: 'excused',
      excuseReason: 'Ill',
    });
    const limit = await failureOf(a1.client.api.missedCheckIns.list({ limit: 101 }));
    expect(limit.fieldErrors).toEqual({ limit: ['must be between 1 and 100'] });
    const state = await failureOf(a1.client.api.missedCheckIns.list({ state: 'late' } as never));
    expect(state.fieldErrors).toEqual({ state: ['must be one of: open, resolved, excused'] });
  });
});

describe('misses on the roster', () => {
  it('shows an open miss of today as missed; excused, the member is back to the window rules', async () => {
    const { company, teamA, a1, a2 } = await world();
    const missId = await recordMiss(
      company,
      { personId: a1.id, teamId: teamA.id, localDate: '2026-11-27' },
      true,
    );
    const roster = await teamA.lead.client.api.teams.get({ id: teamA.id });
    const todayOf = (id: string) => roster.members.find((member) => member.id === id)?.today;
    expect(todayOf(a1.id)).toEqual({
      status: 'missed',
      missId,
      detectedAt: '2026-11-27T09:10:00.000Z',
      windowClosesAt: '10:00',
    });
    expect(todayOf(a2.id)).toMatchObject({ status: 'late', windowClosesAt: '10:00' });

    await teamA.lead.client.api.missedCheckIns.excuse({ missId, reason: 'Called in' });
    const after = await company.admin.api.teams.get({ id: teamA.id });
    expect(after.members.find((member) => member.id === a1.id)?.today?.status).toBe('late');
  });
});
