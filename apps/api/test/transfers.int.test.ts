import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyDueTransfers } from '../src/services/teams/due-transfers.ts';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

/** Wednesday 2026-11-25 in Berlin (UTC+1); the next local day is Thursday. */
const berlin = (hhmm: string, date = '2026-11-25') => new Date(`${date}T${hhmm}:00+01:00`);
function setClock(instant: Date) {
  api.deps.now = () => instant;
}
beforeEach(() => setClock(berlin('15:00')));

const good = GOOD_CHECK_IN;

async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[]) {
  return (await owner.query<T>(sql, params)).rows;
}

async function eventsOf(personId: string) {
  return rows<{ type: string; actor_id: string | null; payload: Record<string, unknown> }>(
    'SELECT type, actor_id, payload FROM events WHERE entity_id = $1 ORDER BY position',
    [personId],
  );
}

async function personRow(personId: string) {
  const [row] = await rows<{ team_id: string | null; team_assigned_on: string | null }>(
    'SELECT team_id, team_assigned_on::text FROM persons WHERE id = $1',
    [personId],
  );
  return row;
}

async function auditsOf(personId: string) {
  return (
    await rows<{ action: string }>(
      'SELECT action FROM audit_logs WHERE entity_id = $1 ORDER BY created_at',
      [personId],
    )
  ).map((row) => row.action);
}

/** A worker in team `from`, and a second team `to`; both teams work every day, all day. */
async function moveSetup(company?: CompanyFixture) {
  const c = company ?? (await companyFixture(api));
  const allDay = { windowStart: '00:00', windowEnd: '23:59', workDays: [1, 2, 3, 4, 5, 6, 7] };
  const from = await teamFixture(api, c, allDay);
  const to = await teamFixture(api, c, allDay);
  const worker = await personFixture(api, c, 'WORKER', { teamId: from.id });
  return { company: c, from, to, worker };
}

describe('teams.assignMember: a worker without a team', () => {
  it('joins at once, from today (local), with TEAM_MEMBER_ASSIGNED and its audit row', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company, { windowEnd: '23:00' });
    const worker = await personFixture(api, company, 'WORKER');
    const result = await company.admin.api.teams.assignMember({
      personId: worker.id,
      teamId: team.id,
    });
    expect(result).toEqual({
      outcome: 'assigned',
      personId: worker.id,
      teamId: team.id,
      effectiveOn: '2026-11-25',
      transfer: null,
    });
    expect((await eventsOf(worker.id)).map((event) => event.type)).toEqual([
      'PERSON_CREATED',
      'TEAM_MEMBER_ASSIGNED',
    ]);
    expect(await auditsOf(worker.id)).toEqual(['PERSON_CREATED', 'TEAM_MEMBER_ASSIGNED']);
    expect(await personRow(worker.id)).toEqual({
      team_id: team.id,
      team_assigned_on: '2026-11-25',
    });
    expect((await worker.client.api.checkIn.submit(good)).teamId).toBe(team.id);
  });

  it.each([
    ['a non-worker', 'personId', /only a WORKER belongs to a team; .* is a TEAM_LEAD/],
    ['an inactive team', 'teamId', /is inactive; choose an active team/],
  ])('refuses %s with a field error on `%s`, writing nothing', async (label, field, message) => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const personId =
      label === 'a non-worker'
        ? (await personFixture(api, company, 'TEAM_LEAD')).id
        : (await personFixture(api, company, 'WORKER')).id;
    if (label === 'an inactive team') {
      await company.admin.api.teams.deactivate({ id: team.id, reason: 'closed' });
    }
    const failure = await failureOf(
      company.admin.api.teams.assignMember({ personId, teamId: team.id }),
    );
    expect(failure.code).toBe('BAD_REQUEST');
    expect(failure.fieldErrors?.[field]?.[0]).toMatch(message);
    expect((await eventsOf(personId)).map((event) => event.type)).toEqual(['PERSON_CREATED']);
  });

  it('is NOT_FOUND for another company’s person or team, and for admins only', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER');
    const other = await companyFixture(api);
    const foreignWorker = await personFixture(api, other, 'WORKER');
    const foreignTeam = await teamFixture(api, other);
    await expect(
      company.admin.api.teams.assignMember({ personId: foreignWorker.id, teamId: team.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const failure = await failureOf(
      company.admin.api.teams.assignMember({ personId: worker.id, teamId: foreignTeam.id }),
    );
    expect(failure).toMatchObject({
      code: 'NOT_FOUND',
      fieldErrors: { teamId: [expect.any(String)] },
    });
    await expect(
      team.lead.client.api.teams.assignMember({ personId: worker.id, teamId: team.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('teams.assignMember: a worker in another team', () => {
  it('schedules a transfer for the next local day; until then the worker stays', async () => {
    const { company, from, to, worker } = await moveSetup();
    const result = await company.admin.api.teams.assignMember({
      personId: worker.id,
      teamId: to.id,
    });
    expect(result).toMatchObject({
      outcome: 'transfer_scheduled',
      teamId: to.id,
      effectiveOn: '2026-11-26',
      transfer: {
        person: { id: worker.id },
        fromTeam: { id: from.id },
        toTeam: { id: to.id },
        effectiveOn: '2026-11-26',
        status: 'PENDING',
      },
    });
    const events = await eventsOf(worker.id);
    expect(events.map((event) => event.type)).toEqual([
      'PERSON_CREATED',
      'TEAM_TRANSFER_INITIATED',
    ]);
    expect(events[1]?.payload).toMatchObject({
      fromTeamId: from.id,
      toTeamId: to.id,
      effectiveOn: '2026-11-26',
    });
    expect(await auditsOf(worker.id)).toEqual(['PERSON_CREATED', 'TEAM_TRANSFER_INITIATED']);

    expect(await personRow(worker.id)).toMatchObject({ team_id: from.id });
    const source = await company.admin.api.teams.get({ id: from.id });
    expect(source.members.map((member) => [member.id, member.pendingTransfer?.toTeam.id])).toEqual([
      [worker.id, to.id],
    ]);
    const target = await company.admin.api.teams.get({ id: to.id });
    expect(target.members).toEqual([]);
    expect(target.incomingTransfers.map((transfer) => transfer.person.id)).toEqual([worker.id]);
    // The roster and the team dashboard (one statement each) name everyone in the move.
    expect(source.members[0]?.pendingTransfer).toEqual(result.transfer);
    expect(target.incomingTransfers).toEqual([result.transfer]);
    const { transfer } = result;
    const move = transfer && {
      transferId: transfer.id,
      effectiveOn: transfer.effectiveOn,
      fromTeam: transfer.fromTeam,
      toTeam: transfer.toTeam,
      person: transfer.person,
    };
    const leaving = await company.admin.api.dashboards.team({ teamId: from.id });
    expect(leaving.pendingMoves).toEqual([{ ...move, direction: 'leaving' }]);
    const joining = await company.admin.api.dashboards.team({ teamId: to.id });
    expect(joining.pendingMoves).toEqual([{ ...move, direction: 'joining' }]);
    // Late tonight a check-in still belongs to the old team.
    setClock(berlin('23:30'));
    expect((await worker.client.api.checkIn.submit(good)).teamId).toBe(from.id);
  });

  it('takes effect on the effective day: reads and check-ins show it at once, the next team command records one TEAM_TRANSFER_COMPLETED by the system', async () => {
    const { company, from, to, worker } = await moveSetup();
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    setClock(berlin('00:01', '2026-11-26'));
    const target = await to.lead.client.api.teams.get({ id: to.id });
    expect(target.members.map((member) => [member.id, member.teamAssignedOn])).toEqual([
      [worker.id, '2026-11-26'],
    ]);
    expect(target.incomingTransfers).toEqual([]);
    expect((await from.lead.client.api.teams.get({ id: from.id })).members).toEqual([]);
    // More reads, some at once: they complete nothing (reads never write).
    await Promise.all(Array.from({ length: 8 }, () => worker.client.api.checkIn.status()));
    await company.admin.api.teams.list();
    const completions = async () =>
      (await eventsOf(worker.id)).filter((event) => event.type === 'TEAM_TRANSFER_COMPLETED');
    expect(await completions()).toEqual([]);
    // A check-in on the day belongs to the new team, and completes nothing either
    // (the check-in reads today's team; the scheduled job completes moves).
    const submits = await Promise.allSettled(
      Array.from({ length: 4 }, () => worker.client.api.checkIn.submit(good)),
    );
    const submitted = submits.flatMap((outcome) =>
      outcome.status === 'fulfilled' ? [outcome.value] : [],
    );
    expect(submitted.map((checkIn) => checkIn.teamId)).toEqual([to.id]);
    expect(await completions()).toEqual([]);
    // The next team commands, some at once: one completion, before the first of them decides.
    await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        company.admin.api.teams.cancelTransfer({ personId: worker.id }),
      ),
    );
    const completed = await completions();
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ actor_id: null, payload: { effectiveOn: '2026-11-26' } });
    const [transfer] = await rows<{ status: string }>(
      'SELECT status FROM team_transfers WHERE person_id = $1',
      [worker.id],
    );
    expect(transfer?.status).toBe('COMPLETED');
  });

  it('a read never writes: on the effective day the roster shows the move and no event is appended', async () => {
    const company = await companyFixture(api);
    const from = await teamFixture(api, company, { windowEnd: '23:59', workDays: [3, 4] });
    const to = await teamFixture(api, company, {
      windowStart: '07:00',
      windowEnd: '09:00',
      workDays: [3, 4],
    });
    const worker = await personFixture(api, company, 'WORKER', { teamId: from.id });
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    setClock(berlin('08:00', '2026-11-26'));
    const mark = async () =>
      rows<{ events: number; audits: number }>(
        `SELECT (SELECT count(*)::int FROM events WHERE company_id = $1) AS events,
                (SELECT count(*)::int FROM audit_logs WHERE company_id = $1) AS audits`,
        [company.companyId],
      );
    const before = await mark();

    // Rosters and member counts: the worker is in the new team and gone from the old one.
    const roster = await to.lead.client.api.teams.get({ id: to.id });
    expect(roster.members.map((member) => [member.id, member.teamAssignedOn])).toEqual([
      [worker.id, '2026-11-26'],
    ]);
    expect(roster.members[0]?.today).toEqual({
      status: 'not_yet',
      windowOpensAt: '07:00',
      windowClosesAt: '09:00',
    });
    expect(roster.incomingTransfers).toEqual([]);
    expect((await from.lead.client.api.teams.get({ id: from.id })).members).toEqual([]);
    const counts = new Map(
      (await company.admin.api.teams.list()).items.map((team) => [team.id, team.memberCount]),
    );
    expect([counts.get(from.id), counts.get(to.id)]).toEqual([0, 1]);
    // Role scoping: the old lead no longer reads the worker, the new lead does.
    const peopleOf = async (client: typeof company.admin) =>
      (await client.api.people.list({ role: 'WORKER' })).items.map((person) => person.id);
    expect(await peopleOf(from.lead.client)).toEqual([]);
    expect(await peopleOf(to.lead.client)).toEqual([worker.id]);
    await expect(from.lead.client.api.people.get({ id: worker.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // The worker's own day follows the new team's window.
    const status = await worker.client.api.checkIn.status();
    expect(status).toMatchObject({
      window: { start: '07:00', end: '09:00' },
      canCheckIn: true,
      blockedReason: null,
    });
    expect(await worker.client.api.checkIn.today()).toBeNull();

    expect(await mark()).toEqual(before);
    expect(await personRow(worker.id)).toMatchObject({ team_id: from.id });
    const [transfer] = await rows<{ status: string }>(
      'SELECT status FROM team_transfers WHERE person_id = $1',
      [worker.id],
    );
    expect(transfer?.status).toBe('PENDING');
  });

  it('records a check-in on the effective day with the new team, without any read before it', async () => {
    const { company, from, to, worker } = await moveSetup();
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    setClock(berlin('08:00', '2026-11-26'));
    const checkIn = await worker.client.api.checkIn.submit(good);
    expect(checkIn.teamId).toBe(to.id);
    // The row moves when the move is completed (job or team command), not by the check-in.
    expect(await personRow(worker.id)).toMatchObject({ team_id: from.id });
  });

  it('completes many racing requests on the effective day exactly once', async () => {
    const { company, to, worker } = await moveSetup();
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    setClock(berlin('09:00', '2026-11-26'));
    const now = berlin('09:00', '2026-11-26');
    const applied = await Promise.all(
      Array.from({ length: 10 }, () => applyDueTransfers(api.db, company.companyId, now)),
    );
    expect(applied.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(
      (await eventsOf(worker.id)).filter((event) => event.type === 'TEAM_TRANSFER_COMPLETED'),
    ).toHaveLength(1);
  });

  it('uses the company’s local date, not UTC', async () => {
    const company = await companyFixture(api, 'America/Los_Angeles');
    const { to, worker } = await moveSetup(company);
    // 03:30 UTC on the 27th is 19:30 on the 26th in Los Angeles: the move is for the 27th.
    setClock(new Date('2026-11-27T03:30:00Z'));
    const result = await company.admin.api.teams.assignMember({
      personId: worker.id,
      teamId: to.id,
    });
    expect(result.effectiveOn).toBe('2026-11-27');
    // 23:59 on the 26th in Los Angeles: not yet.
    setClock(new Date('2026-11-27T07:59:00Z'));
    expect((await company.admin.api.teams.get({ id: to.id })).members).toEqual([]);
    // Local midnight: now.
    setClock(new Date('2026-11-27T08:00:00Z'));
    expect((await company.admin.api.teams.get({ id: to.id })).members.map((m) => m.id)).toEqual([
      worker.id,
    ]);
  });

  it('refuses a second move while one is pending, and a move to the current team', async () => {
    const { company, from, to, worker } = await moveSetup();
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    const third = await teamFixture(api, company);
    const pending = await failureOf(
      company.admin.api.teams.assignMember({ personId: worker.id, teamId: third.id }),
    );
    expect(pending).toMatchObject({ code: 'CONFLICT', reason: 'PENDING_TRANSFER' });
    expect(pending.message).toMatch(
      /already moves to "Team .*" on 2026-11-26\. Cancel that transfer first/,
    );
    const same = await failureOf(
      company.admin.api.teams.assignMember({ personId: worker.id, teamId: from.id }),
    );
    expect(same.code).toBe('CONFLICT');
    expect((await eventsOf(worker.id)).map((event) => event.type)).toEqual([
      'PERSON_CREATED',
      'TEAM_TRANSFER_INITIATED',
    ]);
  });
});

describe('teams.cancelTransfer', () => {
  it('cancels before the effective day: one event, its audit row, and the worker stays', async () => {
    const { company, from, to, worker } = await moveSetup();
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    setClock(berlin('23:59'));
    const cancelled = await company.admin.api.teams.cancelTransfer({ personId: worker.id });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', toTeam: { id: to.id } });
    const events = await eventsOf(worker.id);
    expect(events.map((event) => event.type)).toEqual([
      'PERSON_CREATED',
      'TEAM_TRANSFER_INITIATED',
      'TEAM_TRANSFER_CANCELLED',
    ]);
    expect(events[2]?.payload).toMatchObject({ reason: 'cancelled_by_admin' });
    expect(await auditsOf(worker.id)).toEqual([
      'PERSON_CREATED',
      'TEAM_TRANSFER_INITIATED',
      'TEAM_TRANSFER_CANCELLED',
    ]);
    setClock(berlin('08:00', '2026-11-26'));
    expect((await worker.client.api.checkIn.submit(good)).teamId).toBe(from.id);
    // Nothing left to cancel, and a new move may be scheduled.
    const again = await failureOf(company.admin.api.teams.cancelTransfer({ personId: worker.id }));
    expect(again).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      message: expect.stringMatching(/no pending transfer/),
    });
    const rescheduled = await company.admin.api.teams.assignMember({
      personId: worker.id,
      teamId: to.id,
    });
    expect(rescheduled.effectiveOn).toBe('2026-11-27');
  });

  it('is refused once the move took effect, even when nothing read it before', async () => {
    const { company, to, worker } = await moveSetup();
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    setClock(berlin('00:00', '2026-11-26'));
    const failure = await failureOf(
      company.admin.api.teams.cancelTransfer({ personId: worker.id }),
    );
    expect(failure.code).toBe('UNPROCESSABLE_CONTENT');
    expect(failure.message).toMatch(/took effect on 2026-11-26 and can no longer be cancelled/);
    const types = (await eventsOf(worker.id)).map((event) => event.type);
    expect(types).toEqual(['PERSON_CREATED', 'TEAM_TRANSFER_INITIATED', 'TEAM_TRANSFER_COMPLETED']);
    expect(await personRow(worker.id)).toMatchObject({ team_id: to.id });
  });

  it('is NOT_FOUND for an unknown person', async () => {
    const company = await companyFixture(api);
    await expect(
      company.admin.api.teams.cancelTransfer({ personId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('transfers and person deactivation', () => {
  it('cancels the pending move in the same transaction; reactivated, the worker is back in the old team', async () => {
    const { company, from, to, worker } = await moveSetup();
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    await company.admin.api.people.deactivate({ personId: worker.id, reason: 'left the site' });
    const events = await eventsOf(worker.id);
    expect(events.map((event) => event.type).slice(-2)).toEqual([
      'PERSON_DEACTIVATED',
      'TEAM_TRANSFER_CANCELLED',
    ]);
    expect(events.at(-1)?.payload).toMatchObject({
      reason: 'person_deactivated',
      fromTeamId: from.id,
      toTeamId: to.id,
    });
    const [transfer] = await rows<{ status: string; cancel_reason: string }>(
      'SELECT status, cancel_reason FROM team_transfers WHERE person_id = $1',
      [worker.id],
    );
    expect(transfer).toEqual({ status: 'CANCELLED', cancel_reason: 'person_deactivated' });
    await company.admin.api.people.reactivate({ personId: worker.id });
    setClock(berlin('08:00', '2026-11-26'));
    await applyDueTransfers(api.db, company.companyId, berlin('08:00', '2026-11-26'));
    expect(await personRow(worker.id)).toMatchObject({ team_id: from.id });
  });

  it('completes a move whose day has come rather than cancelling it', async () => {
    const { company, to, worker } = await moveSetup();
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    setClock(berlin('09:00', '2026-11-26'));
    await company.admin.api.people.deactivate({ personId: worker.id, reason: 'left the site' });
    const types = (await eventsOf(worker.id)).map((event) => event.type);
    expect(types.slice(-2)).toEqual(['TEAM_TRANSFER_COMPLETED', 'PERSON_DEACTIVATED']);
    expect(await personRow(worker.id)).toMatchObject({ team_id: to.id });
  });
});

describe('transfers and team deactivation', () => {
  it('cancels pending transfers into a deactivated team, so the worker stays where they are', async () => {
    const { company, from, to, worker } = await moveSetup();
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    await company.admin.api.teams.deactivate({ id: to.id, reason: 'project cancelled' });
    const events = await eventsOf(worker.id);
    expect(events.at(-1)).toMatchObject({
      type: 'TEAM_TRANSFER_CANCELLED',
      payload: { reason: 'team_deactivated' },
    });
    setClock(berlin('08:00', '2026-11-26'));
    expect((await worker.client.api.checkIn.submit(good)).teamId).toBe(from.id);
  });

  it('unassigns a member moving out of a deactivated team today; the move still happens on its day', async () => {
    const { company, from, to, worker } = await moveSetup();
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    await company.admin.api.teams.deactivate({ id: from.id, reason: 'site closed' });
    expect(await personRow(worker.id)).toEqual({ team_id: null, team_assigned_on: null });
    setClock(berlin('08:00', '2026-11-26'));
    expect((await worker.client.api.checkIn.submit(good)).teamId).toBe(to.id);
  });

  it('counts a worker who moves today as a member of the new team when the old one is deactivated', async () => {
    const { company, from, to, worker } = await moveSetup();
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    setClock(berlin('08:00', '2026-11-26'));
    const deactivated = await company.admin.api.teams.deactivate({ id: from.id, reason: 'closed' });
    expect(deactivated.memberCount).toBe(0);
    expect((await eventsOf(worker.id)).map((event) => event.type)).toEqual([
      'PERSON_CREATED',
      'TEAM_TRANSFER_INITIATED',
      'TEAM_TRANSFER_COMPLETED',
    ]);
    expect(await personRow(worker.id)).toMatchObject({ team_id: to.id });
  });
});
