import { randomUUID } from 'node:crypto';
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
beforeEach(() => setClock(berlin('08:00')));

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

const week = { type: 'ANNUAL', startDate: '2026-11-30', endDate: '2026-12-04' } as const;

/** A refused call that wrote nothing: no event, no audit row. */
async function refusedWithoutWrites(company: CompanyFixture, call: () => Promise<unknown>) {
  const { result, events, audits } = await writesOf(owner, company.companyId, () =>
    failureOf(call()),
  );
  expect(events).toEqual([]);
  expect(audits).toEqual([]);
  return result;
}

describe('leave.record', () => {
  it('lets a lead record leave for a member of their team: LEAVE_RECORDED and its audit row', async () => {
    const { company, teamA, a1 } = await world();
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      teamA.lead.client.api.leave.record({
        personId: a1.id,
        ...week,
        note: '  Family visit  ',
      }),
    );
    expect(result).toMatchObject({
      personId: a1.id,
      personName: expect.stringContaining('WORKER'),
      type: 'ANNUAL',
      startDate: '2026-11-30',
      endDate: '2026-12-04',
      note: 'Family visit',
      recordedById: teamA.lead.id,
      cancelledAt: null,
      cancelledById: null,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'LEAVE_RECORDED',
      entity_type: 'leave',
      entity_id: result.id,
      actor_id: teamA.lead.id,
      payload: {
        id: result.id,
        personId: a1.id,
        type: 'ANNUAL',
        startDate: '2026-11-30',
        endDate: '2026-12-04',
        note: 'Family visit',
        recordedById: teamA.lead.id,
      },
    });
    expect(audits).toHaveLength(1);
    // The note can be health data: it stays in the event, out of the audit row.
    expect(audits[0]).toMatchObject({
      action: 'LEAVE_RECORDED',
      entity_id: result.id,
      actor_id: teamA.lead.id,
      event_id: events[0]?.id,
      details: { personId: a1.id, type: 'ANNUAL', startDate: '2026-11-30', endDate: '2026-12-04' },
    });
  });

  it('refuses a lead for another team’s worker, and every role but lead and admin', async () => {
    const { company, teamA, b1, a1, supervisor, whs } = await world();
    const other = await refusedWithoutWrites(company, () =>
      teamA.lead.client.api.leave.record({ personId: b1.id, ...week }),
    );
    expect(other.code).toBe('FORBIDDEN');
    expect(other.message).toMatch(/is not a member of the team you lead today/);
    for (const caller of [supervisor, whs, a1]) {
      const refused = await refusedWithoutWrites(company, () =>
        caller.client.api.leave.record({ personId: a1.id, ...week }),
      );
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.message).toMatch(/Only an admin, or a team lead .* can record leave/);
    }
  });

  it('lets an admin record leave for any worker, with or without a team', async () => {
    const { company, b1 } = await world();
    const loner = await personFixture(api, company, 'WORKER');
    for (const personId of [b1.id, loner.id]) {
      const leave = await company.admin.api.leave.record({
        personId,
        type: 'SICK',
        startDate: '2026-11-27',
        endDate: '2026-11-27',
      });
      expect(leave).toMatchObject({ personId, type: 'SICK', note: null });
    }
  });

  it('refuses leave for someone who is not a worker, or not of the company', async () => {
    const { company, teamA } = await world();
    const notWorker = await refusedWithoutWrites(company, () =>
      company.admin.api.leave.record({ personId: teamA.lead.id, ...week }),
    );
    expect(notWorker.code).toBe('BAD_REQUEST');
    expect(notWorker.fieldErrors?.personId?.[0]).toMatch(/only a WORKER takes leave; .* TEAM_LEAD/);
    const foreign = await companyFixture(api);
    const stranger = await personFixture(api, foreign, 'WORKER');
    const unknown = await refusedWithoutWrites(company, () =>
      company.admin.api.leave.record({ personId: stranger.id, ...week }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('names the field and what is allowed for bad dates, spans and notes', async () => {
    const { company, a1 } = await world();
    const record = (input: Record<string, unknown>) =>
      refusedWithoutWrites(company, () =>
        company.admin.api.leave.record({ personId: a1.id, ...week, ...input } as never),
      );
    const backwards = await record({ startDate: '2026-12-04', endDate: '2026-12-01' });
    expect(backwards.fieldErrors).toEqual({
      endDate: ['must be on or after startDate (2026-12-04)'],
    });
    const tooLong = await record({ startDate: '2026-01-01', endDate: '2027-01-02' });
    expect(tooLong.fieldErrors?.endDate?.[0]).toMatch(/at most 366 days .* \(this range has 367\)/);
    for (const startDate of ['2026-02-30', '27.11.2026', '']) {
      const bad = await record({ startDate });
      expect(bad.fieldErrors?.startDate).toEqual(['must be a date as YYYY-MM-DD']);
    }
    const note = await record({ note: 'x'.repeat(501) });
    expect(note.fieldErrors).toEqual({ note: ['must be at most 500 characters'] });
    const type = await record({ type: 'HOLIDAY' });
    expect(type.fieldErrors).toEqual({ type: ['must be one of: ANNUAL, SICK, OTHER'] });
    const extra = await record({ reason: 'no' });
    expect(extra.fieldErrors).toEqual({ reason: ['unknown field "reason" is not allowed'] });
    // 366 days, both ends included, is the most one record covers (2028 is a leap year).
    const year = await company.admin.api.leave.record({
      personId: a1.id,
      type: 'OTHER',
      startDate: '2028-01-01',
      endDate: '2028-12-31',
    });
    expect(year.endDate).toBe('2028-12-31');
  });

  it('refuses leave overlapping active leave of the same person, naming its dates', async () => {
    const { company, teamA, a1, a2 } = await world();
    const first = await teamA.lead.client.api.leave.record({ personId: a1.id, ...week });
    const overlap = await refusedWithoutWrites(company, () =>
      company.admin.api.leave.record({
        personId: a1.id,
        type: 'SICK',
        startDate: '2026-12-04',
        endDate: '2026-12-08',
      }),
    );
    expect(overlap).toMatchObject({ code: 'CONFLICT', reason: 'LEAVE_OVERLAP' });
    expect(overlap.message).toContain('annual leave from 2026-11-30 to 2026-12-04');
    // The next day, another person, and the dates of a cancelled leave are free.
    await company.admin.api.leave.record({
      personId: a1.id,
      type: 'SICK',
      startDate: '2026-12-05',
      endDate: '2026-12-08',
    });
    await company.admin.api.leave.record({ personId: a2.id, ...week });
    await company.admin.api.leave.cancel({ leaveId: first.id });
    const again = await company.admin.api.leave.record({ personId: a1.id, ...week });
    expect(again.startDate).toBe('2026-11-30');
  });

  it('records one of two overlapping leaves sent at the same time', async () => {
    const { company, a1 } = await world();
    const results = await Promise.allSettled(
      [0, 1].map(() => company.admin.api.leave.record({ personId: a1.id, ...week })),
    );
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const { rows } = await owner.query('SELECT 1 FROM leaves WHERE person_id = $1', [a1.id]);
    expect(rows).toHaveLength(1);
  });

  it('follows today’s team: after a move takes effect, the new lead acts and the old one not', async () => {
    const { company, teamA, teamB, a1 } = await world();
    const move = await company.admin.api.teams.assignMember({ personId: a1.id, teamId: teamB.id });
    expect(move).toMatchObject({ outcome: 'transfer_scheduled', effectiveOn: '2026-11-28' });
    const early = await failureOf(teamB.lead.client.api.leave.record({ personId: a1.id, ...week }));
    expect(early.code).toBe('FORBIDDEN');
    setClock(berlin('08:00', '2026-11-28'));
    const late = await failureOf(teamA.lead.client.api.leave.record({ personId: a1.id, ...week }));
    expect(late.code).toBe('FORBIDDEN');
    const leave = await teamB.lead.client.api.leave.record({ personId: a1.id, ...week });
    expect(leave.recordedById).toBe(teamB.lead.id);
  });
});

describe('leave.cancel', () => {
  it('marks leave cancelled (its row stays) with LEAVE_CANCELLED and its audit row; twice is a conflict', async () => {
    const { company, teamA, a1 } = await world();
    const leave = await company.admin.api.leave.record({ personId: a1.id, ...week });
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      teamA.lead.client.api.leave.cancel({ leaveId: leave.id }),
    );
    expect(result).toMatchObject({
      id: leave.id,
      startDate: '2026-11-30',
      cancelledAt: berlin('08:00').toISOString(),
      cancelledById: teamA.lead.id,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'LEAVE_CANCELLED',
      entity_id: leave.id,
      payload: {
        id: leave.id,
        cancelledById: teamA.lead.id,
        cancelledAt: berlin('08:00').toISOString(),
      },
    });
    expect(audits).toMatchObject([
      {
        action: 'LEAVE_CANCELLED',
        entity_id: leave.id,
        event_id: events[0]?.id,
        details: { personId: a1.id, type: 'ANNUAL', startDate: '2026-11-30' },
      },
    ]);
    const twice = await refusedWithoutWrites(company, () =>
      company.admin.api.leave.cancel({ leaveId: leave.id }),
    );
    expect(twice).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_CANCELLED' });
    expect(twice.message).toContain('annual leave from 2026-11-30 to 2026-12-04');
  });

  it('refuses another team’s lead and the other roles; an unknown leave is not found', async () => {
    const { company, teamB, a1, supervisor, whs } = await world();
    const leave = await company.admin.api.leave.record({ personId: a1.id, ...week });
    for (const caller of [teamB.lead, supervisor, whs, a1]) {
      const refused = await refusedWithoutWrites(company, () =>
        caller.client.api.leave.cancel({ leaveId: leave.id }),
      );
      expect(refused.code).toBe('FORBIDDEN');
    }
    const unknown = await refusedWithoutWrites(company, () =>
      company.admin.api.leave.cancel({ leaveId: randomUUID() }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    const foreign = await companyFixture(api);
    expect((await failureOf(foreign.admin.api.leave.cancel({ leaveId: leave.id }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('leave.list', () => {
  it('shows each role what the access policy allows, with filters', async () => {
    const { company, supervisor, teamA, teamB, a1, a2, b1, whs } = await world();
    const la1 = await company.admin.api.leave.record({ personId: a1.id, ...week });
    const la2 = await company.admin.api.leave.record({
      personId: a2.id,
      type: 'SICK',
      startDate: '2026-11-20',
      endDate: '2026-11-23',
    });
    const lb1 = await company.admin.api.leave.record({ personId: b1.id, ...week });
    const gone = await company.admin.api.leave.record({
      personId: a1.id,
      type: 'OTHER',
      startDate: '2027-01-04',
      endDate: '2027-01-04',
    });
    await company.admin.api.leave.cancel({ leaveId: gone.id });
    const ids = async (client: typeof a1.client, input = {}) =>
      (await client.api.leave.list(input)).items.map((leave) => leave.id);

    expect(await ids(a1.client)).toEqual([la1.id]);
    expect(await ids(teamA.lead.client)).toEqual([la1.id, la2.id]);
    expect(await ids(supervisor.client)).toEqual([la1.id, la2.id]);
    expect(await ids(teamB.lead.client)).toEqual([lb1.id]);
    for (const reader of [whs.client, company.admin]) {
      expect((await ids(reader)).sort()).toEqual([la1.id, la2.id, lb1.id].sort());
    }
    // Filters narrow the readable set; they never widen it.
    expect(await ids(teamA.lead.client, { includeCancelled: true })).toEqual([
      gone.id,
      la1.id,
      la2.id,
    ]);
    expect(await ids(teamA.lead.client, { teamId: teamB.id })).toEqual([]);
    expect(await ids(teamA.lead.client, { personId: b1.id })).toEqual([]);
    expect(await ids(company.admin, { teamId: teamB.id })).toEqual([lb1.id]);
    expect(await ids(company.admin, { personId: a2.id })).toEqual([la2.id]);
    expect(await ids(teamA.lead.client, { from: '2026-11-24', to: '2026-11-30' })).toEqual([
      la1.id,
    ]);
    expect(await ids(teamA.lead.client, { to: '2026-11-20' })).toEqual([la2.id]);
    const reversed = await failureOf(
      a1.client.api.leave.list({ from: '2026-12-01', to: '2026-11-01' }),
    );
    expect(reversed.fieldErrors).toEqual({ to: ['must be on or after from (2026-12-01)'] });
  });
});

describe('leave on rosters and the check-in status', () => {
  it('shows a member on leave today as on_leave; they are not expected but may still check in', async () => {
    const { company, teamA, a1, a2 } = await world();
    const leave = await teamA.lead.client.api.leave.record({
      personId: a1.id,
      type: 'SICK',
      startDate: '2026-11-26',
      endDate: '2026-11-27',
    });
    const roster = await teamA.lead.client.api.teams.get({ id: teamA.id });
    const todayOf = (id: string) => roster.members.find((member) => member.id === id)?.today;
    expect(todayOf(a1.id)).toEqual({
      status: 'on_leave',
      leaveId: leave.id,
      type: 'SICK',
      startDate: '2026-11-26',
      endDate: '2026-11-27',
    });
    expect(todayOf(a2.id)?.status).toBe('not_yet');

    const status = await a1.client.api.checkIn.status();
    expect(status).toMatchObject({
      canCheckIn: true,
      onLeave: { leaveId: leave.id, type: 'SICK', startDate: '2026-11-26', endDate: '2026-11-27' },
    });
    expect(status.message).toBe(
      'You are on leave today (until 2026-11-27), so no check-in is expected; you can still check in.',
    );
    expect((await a2.client.api.checkIn.status()).onLeave).toBeNull();

    await a1.client.api.checkIn.submit(GOOD_CHECK_IN);
    const after = await company.admin.api.teams.get({ id: teamA.id });
    expect(after.members.find((member) => member.id === a1.id)?.today?.status).toBe('checked_in');

    // Cancelled, or over: the member is expected again.
    await teamA.lead.client.api.leave.cancel({ leaveId: leave.id });
    expect((await a1.client.api.checkIn.status()).onLeave).toBeNull();
  });
});
