import { LIVE_CHANNEL } from '@aegira/db';
import { addDays, instantOfLocalTime, toLocalTime, weekdayOf } from '@aegira/domain';
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { escalateOverdueAlerts } from '../src/services/alerts/escalate-alerts.ts';
import { detectMissedCheckIns } from '../src/services/missed-check-ins/detect-missed-check-ins.ts';
import { applyDueTransfers } from '../src/services/teams/due-transfers.ts';
import { failureOf, type TestApi, TestClient, useTestApi } from '../test-support/api-harness.ts';
import { berlin, fixClock } from '../test-support/clock.ts';
import {
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';
import { countStatements } from '../test-support/statement-counter.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

beforeEach(() => fixClock(api, berlin('08:00')));

/**
 * Detection judges the versions of persons and teams, which are dated by the database's clock:
 * workers created now joined today (local), and the first work day after it is the one they
 * can miss. Its instants in Berlin.
 */
function nextWorkDay() {
  const today = toLocalTime(new Date(), 'Europe/Berlin').date;
  let day = addDays(today, 1);
  while (weekdayOf(day) > 5) day = addDays(day, 1);
  return {
    joined: today,
    day,
    at: (hhmm: string) => instantOfLocalTime(day, hhmm, 'Europe/Berlin'),
  };
}

async function inbox(client: TestClient, filter: 'unread' | 'read' | 'archived' | 'all' = 'all') {
  return (await client.api.notifications.list({ filter })).items;
}

async function unread(client: TestClient) {
  return (await client.api.notifications.unreadCount()).count;
}

const RED_CHECK_IN = {
  hoursSlept: 3,
  sleepQuality: 1,
  stressLevel: 10,
  physicalCondition: 1,
  painLevel: 8,
  painLocation: 'knee_left' as const,
};
const GREEN_CHECK_IN = GOOD_CHECK_IN;

const nameOf = (person: { email: string; id: string }) => `WORKER ${person.id.slice(0, 4)}`;

describe('notification producers', () => {
  it('a miss tells the worker, and the lead once per team and day, growing and unread again', async () => {
    const { joined, day, at } = nextWorkDay();
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const early = await personFixture(api, company, 'WORKER', {
      teamId: team.id,
      teamAssignedOn: joined,
    });
    const late = await personFixture(api, company, 'WORKER', {
      teamId: team.id,
      teamAssignedOn: joined,
      windowEnd: '11:00',
    });

    await detectMissedCheckIns(api.db, company.companyId, at('10:06'));
    const [own] = await inbox(early.client);
    expect(own).toMatchObject({
      kind: 'MISSED_CHECK_IN',
      count: 1,
      readAt: null,
      link: '/history',
    });
    expect(own?.body).toContain(day);
    expect(await inbox(late.client)).toEqual([]);
    const [group] = await inbox(team.lead.client);
    expect(group).toMatchObject({ kind: 'TEAM_MISSED_CHECK_INS', count: 1 });
    expect(group?.body).toBe(`Missed on ${day}: ${nameOf(early)}.`);
    await team.lead.client.api.notifications.markRead({ id: group?.id ?? '' });
    expect(await unread(team.lead.client)).toBe(0);

    // The second worker's window closes an hour later: the same notification grows.
    await detectMissedCheckIns(api.db, company.companyId, at('11:06'));
    const grown = await inbox(team.lead.client);
    expect(grown).toHaveLength(1);
    expect(grown[0]).toMatchObject({ id: group?.id, count: 2, readAt: null });
    expect(grown[0]?.title).toMatch(/^2 missed check-ins in Team /);
    expect(grown[0]?.body).toBe(`Missed on ${day}: ${nameOf(early)}, ${nameOf(late)}.`);
    expect(await unread(team.lead.client)).toBe(1);
    expect((await inbox(late.client)).map((n) => n.kind)).toEqual(['MISSED_CHECK_IN']);

    // Detection again finds nothing new, and nothing changes.
    await detectMissedCheckIns(api.db, company.companyId, at('11:30'));
    expect((await inbox(team.lead.client))[0]).toMatchObject({ count: 2 });
    expect(await inbox(early.client)).toHaveLength(1);
  });

  it('team assignment, a scheduled, a cancelled and a completed move tell the worker', async () => {
    const company = await companyFixture(api);
    const teamA = await teamFixture(api, company);
    const teamB = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER');
    const admin = company.admin.api;

    await admin.teams.assignMember({ personId: worker.id, teamId: teamA.id });
    await admin.teams.assignMember({ personId: worker.id, teamId: teamB.id });
    await admin.teams.cancelTransfer({ personId: worker.id });
    await admin.teams.assignMember({ personId: worker.id, teamId: teamB.id });
    expect(await applyDueTransfers(api.db, company.companyId, berlin('07:00', '2026-11-28'))).toBe(
      1,
    );

    const items = await inbox(worker.client);
    expect(items.map((n) => n.kind)).toEqual([
      'TEAM_MOVE_COMPLETED',
      'TEAM_MOVE_SCHEDULED',
      'TEAM_MOVE_CANCELLED',
      'TEAM_MOVE_SCHEDULED',
      'TEAM_ASSIGNED',
    ]);
    // teamFixture names a team after its id.
    const teamName = (id: string) => `Team ${id.slice(0, 8)}`;
    expect(items[0]?.title).toBe(`You are now in ${teamName(teamB.id)}`);
    expect(items[1]?.body).toContain('on 2026-11-28');
    expect(items[4]?.title).toBe(`You joined ${teamName(teamA.id)}`);
    expect(await unread(worker.client)).toBe(5);
    // Nobody else was told.
    expect(await inbox(teamA.lead.client)).toEqual([]);
    expect(await inbox(company.admin)).toEqual([]);
  });

  it('leave recorded by the lead tells the worker its type and dates, never its note', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    await team.lead.client.api.leave.record({
      personId: worker.id,
      type: 'SICK',
      startDate: '2026-11-30',
      endDate: '2026-12-02',
      note: 'migraine clinic',
    });
    const [leave] = await inbox(worker.client);
    expect(leave).toMatchObject({ kind: 'LEAVE_RECORDED', title: 'Leave recorded' });
    expect(leave?.body).toContain('Sick leave: 2026-11-30 to 2026-12-02');
    expect(JSON.stringify(leave)).not.toContain('migraine');
    const stored = await owner.query('SELECT data FROM notifications WHERE recipient_id = $1', [
      worker.id,
    ]);
    expect(JSON.stringify(stored.rows)).not.toContain('migraine');
    expect(await inbox(team.lead.client)).toEqual([]);
  });

  it('a deactivated team tells each of its members and its lead', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const a = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const b = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const other = await teamFixture(api, company);
    await company.admin.api.teams.deactivate({ id: team.id, reason: 'site closed' });
    for (const client of [a.client, b.client, team.lead.client]) {
      const items = await inbox(client);
      expect(items.map((n) => n.kind)).toEqual(['TEAM_DEACTIVATED']);
      expect(items[0]?.body).toBe('Reason: site closed. Its members no longer belong to it.');
    }
    expect(await inbox(other.lead.client)).toEqual([]);
  });

  it('a RED check-in alerts the lead; an escalation tells the supervisor', async () => {
    const company = await companyFixture(api);
    const supervisor = await personFixture(api, company, 'SUPERVISOR');
    const team = await teamFixture(api, company, { supervisorId: supervisor.id });
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    await worker.client.api.checkIn.submit(RED_CHECK_IN);
    const [alert] = await inbox(team.lead.client);
    expect(alert).toMatchObject({ kind: 'READINESS_ALERT', link: '/my-team' });
    expect(alert?.title).toBe(`${nameOf(worker)} checked in RED`);
    // Health data stays out: the pain level is not in the notification.
    expect(JSON.stringify(alert)).not.toMatch(/pain/i);
    expect(await inbox(worker.client)).toEqual([]);

    expect(
      await escalateOverdueAlerts(api.db, company.companyId, new Date(Date.now() + 61 * 60_000)),
    ).toBe(1);
    const [escalated] = await inbox(supervisor.client);
    expect(escalated).toMatchObject({ kind: 'READINESS_ALERT_ESCALATED' });
    expect(escalated?.title).toBe(`Alert escalated: ${nameOf(worker)}`);
  });
});

describe('the cost on the write path', () => {
  it('a check-in that causes no notification sends no notification statement; a RED one sends one', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const green = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const red = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const submitCounted = async (
      token: string | null,
      inputs: typeof RED_CHECK_IN | typeof GOOD_CHECK_IN,
    ) => {
      const counted = countStatements(api.db);
      const client = new TestClient({ ...api.deps, db: counted.db });
      client.token = token;
      await client.api.checkIn.submit(inputs);
      return counted.statements;
    };
    const greenStatements = await submitCounted(green.client.token, GREEN_CHECK_IN);
    const redStatements = await submitCounted(red.client.token, RED_CHECK_IN);
    const notifying = (statements: string[]) =>
      statements.filter((text) => /INSERT INTO notifications/i.test(text));
    expect(notifying(greenStatements)).toEqual([]);
    expect(notifying(redStatements)).toHaveLength(1);
    console.info(
      `check-in submit statements: GREEN ${greenStatements.length}, RED (alert + notification) ${redStatements.length}`,
    );
    expect(await inbox(team.lead.client)).toHaveLength(1);
  });
});

describe('the notifications API', () => {
  async function workerWithThree() {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    for (const startDate of ['2026-12-01', '2026-12-08', '2026-12-15']) {
      await team.lead.client.api.leave.record({
        personId: worker.id,
        type: 'ANNUAL',
        startDate,
        endDate: startDate,
      });
    }
    return { company, team, worker };
  }

  it('pages the caller’s own notifications newest first, by cursor', async () => {
    const { worker } = await workerWithThree();
    const first = await worker.client.api.notifications.list({ limit: 2 });
    expect(first.items.map((n) => n.body)).toEqual([
      expect.stringContaining('2026-12-15'),
      expect.stringContaining('2026-12-08'),
    ]);
    expect(first.nextCursor).toBe(first.items[1]?.id);
    const second = await worker.client.api.notifications.list({
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items.map((n) => n.body)).toEqual([expect.stringContaining('2026-12-01')]);
    expect(second.nextCursor).toBeNull();
  });

  it('marks read, archives and counts; unread, read, archived and all filter', async () => {
    const { worker } = await workerWithThree();
    const api_ = worker.client.api.notifications;
    const [newest, middle, oldest] = await inbox(worker.client);
    expect(await unread(worker.client)).toBe(3);

    await api_.markRead({ id: newest?.id ?? '' });
    await api_.markRead({ id: newest?.id ?? '' }); // again: still read, no error
    await api_.archive({ id: middle?.id ?? '' });
    expect(await unread(worker.client)).toBe(1);
    expect((await inbox(worker.client, 'unread')).map((n) => n.id)).toEqual([oldest?.id]);
    expect((await inbox(worker.client, 'read')).map((n) => n.id)).toEqual([newest?.id]);
    const archived = await inbox(worker.client, 'archived');
    expect(archived.map((n) => n.id)).toEqual([middle?.id]);
    // Archiving reads it too, so it stops counting and is pruned like any read one.
    expect(archived[0]?.readAt).not.toBeNull();
    expect((await inbox(worker.client, 'all')).map((n) => n.id)).toEqual([newest?.id, oldest?.id]);

    expect(await api_.markAllRead()).toEqual({ marked: 1 });
    expect(await unread(worker.client)).toBe(0);
    expect(await api_.markAllRead()).toEqual({ marked: 0 });
  });

  it('nobody sees, marks or archives another person’s notifications, in or across companies', async () => {
    const { company, team, worker } = await workerWithThree();
    const [mine] = await inbox(worker.client);
    const id = mine?.id ?? '';
    const colleague = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const foreign = await companyFixture(api);
    for (const client of [colleague.client, team.lead.client, company.admin, foreign.admin]) {
      expect(await inbox(client)).toEqual([]);
      expect((await failureOf(client.api.notifications.markRead({ id }))).code).toBe('NOT_FOUND');
      expect((await failureOf(client.api.notifications.archive({ id }))).code).toBe('NOT_FOUND');
      await client.api.notifications.markAllRead();
      // Someone else's id is no cursor of theirs either.
      const cursor = await failureOf(client.api.notifications.list({ cursor: id }));
      expect(cursor.fieldErrors).toEqual({ cursor: ['must be a cursor from a previous page'] });
    }
    expect(await unread(worker.client)).toBe(3);
    expect((await inbox(worker.client, 'unread')).map((n) => n.id)).toContain(id);
  });

  it('refuses a bad filter or id with a field-specific error', async () => {
    const { worker } = await workerWithThree();
    const filter = await failureOf(
      worker.client.api.notifications.list({ filter: 'everything' as 'all' }),
    );
    expect(filter.code).toBe('BAD_REQUEST');
    expect(filter.fieldErrors?.filter).toEqual(['must be one of: unread, read, archived, all']);
    const id = await failureOf(worker.client.api.notifications.markRead({ id: 'nope' }));
    expect(id.fieldErrors?.id).toEqual(['must be the id of a notification']);
    expect(await unread(worker.client)).toBe(3);
  });
});

describe('the live channel', () => {
  it('announces new notifications to their recipients when the command commits', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const listener = new pg.Client({ connectionString: api.ownerUrl });
    await listener.connect();
    const messages: unknown[] = [];
    listener.on('notification', (message) => {
      if (message.channel === LIVE_CHANNEL && message.payload) {
        const parsed: unknown = JSON.parse(message.payload);
        if (
          typeof parsed === 'object' &&
          parsed &&
          'kind' in parsed &&
          parsed.kind === 'notification'
        ) {
          messages.push(parsed);
        }
      }
    });
    try {
      await listener.query(`LISTEN ${LIVE_CHANNEL}`);
      await team.lead.client.api.leave.record({
        personId: worker.id,
        type: 'ANNUAL',
        startDate: '2026-12-01',
        endDate: '2026-12-01',
      });
      await expect
        .poll(() => messages, { timeout: 2_000 })
        .toEqual([
          { kind: 'notification', companyId: company.companyId, recipientIds: [worker.id] },
        ]);
    } finally {
      await listener.end();
    }
  });
});
