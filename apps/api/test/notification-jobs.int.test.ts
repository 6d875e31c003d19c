import { pruneReadNotifications } from '@aegira/db';
import { JOB_QUEUES } from '@aegira/db/server';
import { addDays, instantOfLocalTime, toLocalTime, weekdayOf } from '@aegira/domain';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { COMPANY_JOBS } from '../src/jobs/company-jobs.ts';
import { sendCheckInReminders } from '../src/services/notifications/check-in-reminders.ts';
import { type TestApi, type TestClient, useTestApi } from '../test-support/api-harness.ts';
import { fixClock } from '../test-support/clock.ts';
import {
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

/**
 * The rules read versions of persons and teams dated by the database's clock: people created
 * now joined today, so the next work day is the first one they are expected on.
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

async function reminders(client: TestClient) {
  return (await client.api.notifications.list({ filter: 'all' })).items.filter(
    (n) => n.kind === 'CHECK_IN_REMINDER',
  );
}

describe('check-in reminders', () => {
  it('are per-company jobs on their own queue, as is pruning', () => {
    const queues = COMPANY_JOBS.map((job) => job.queue);
    expect(queues).toContain(JOB_QUEUES.sendCheckInReminders);
    expect(queues).toContain(JOB_QUEUES.pruneNotifications);
  });

  it('remind a worker expected today once, 30 minutes before the window closes, however many instances run', async () => {
    const { joined, at } = nextWorkDay();
    const company = await companyFixture(api);
    const team = await teamFixture(api, company); // 06:00–10:00, Monday to Friday
    const worker = await personFixture(api, company, 'WORKER', {
      teamId: team.id,
      teamAssignedOn: joined,
    });
    const lateShift = await personFixture(api, company, 'WORKER', {
      teamId: team.id,
      teamAssignedOn: joined,
      windowEnd: '12:00',
    });

    expect(await sendCheckInReminders(api.db, company.companyId, at('09:29'))).toBe(0);
    // Three instances running the same slot at once: one reminder.
    const runs = await Promise.all(
      [1, 2, 3].map(() => sendCheckInReminders(api.db, company.companyId, at('09:31'))),
    );
    expect(runs.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(await sendCheckInReminders(api.db, company.companyId, at('09:36'))).toBe(0);
    const [reminder] = await reminders(worker.client);
    expect(reminder).toMatchObject({ title: 'Check-in reminder', link: '/check-in', readAt: null });
    expect(reminder?.body).toBe('You have not checked in today. Your window closes at 10:00.');
    expect(await reminders(lateShift.client)).toEqual([]);
    expect(await reminders(team.lead.client)).toEqual([]);

    // The later window's worker checks in before their reminder is due: never reminded.
    fixClock(api, at('11:00'));
    await lateShift.client.api.checkIn.submit(GOOD_CHECK_IN);
    expect(await sendCheckInReminders(api.db, company.companyId, at('11:40'))).toBe(0);
    expect(await reminders(lateShift.client)).toEqual([]);
    expect(await reminders(worker.client)).toHaveLength(1);
  });

  it('never remind a worker on leave, on a holiday, or after the window closed', async () => {
    const { joined, day, at } = nextWorkDay();
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const onLeave = await personFixture(api, company, 'WORKER', {
      teamId: team.id,
      teamAssignedOn: joined,
    });
    const present = await personFixture(api, company, 'WORKER', {
      teamId: team.id,
      teamAssignedOn: joined,
    });
    await team.lead.client.api.leave.record({
      personId: onLeave.id,
      type: 'ANNUAL',
      startDate: day,
      endDate: day,
    });
    // Past the close: too late to remind anyone.
    expect(await sendCheckInReminders(api.db, company.companyId, at('10:00'))).toBe(0);
    expect(await sendCheckInReminders(api.db, company.companyId, at('09:45'))).toBe(1);
    expect(await reminders(onLeave.client)).toEqual([]);
    expect(await reminders(present.client)).toHaveLength(1);

    const holidayCompany = await companyFixture(api);
    const holidayTeam = await teamFixture(api, holidayCompany);
    await personFixture(api, holidayCompany, 'WORKER', {
      teamId: holidayTeam.id,
      teamAssignedOn: joined,
    });
    await holidayFixture(api, holidayCompany, { date: day, name: 'Feast', recurring: false });
    expect(await sendCheckInReminders(api.db, holidayCompany.companyId, at('09:45'))).toBe(0);
  });
});

describe('pruning notifications', () => {
  it('deletes those read more than 90 days ago, never unread or recently read ones', async () => {
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
    const [newest, middle, oldest] = (await worker.client.api.notifications.list({})).items;
    const now = new Date('2027-06-01T12:00:00Z');
    const daysBefore = (days: number) => new Date(now.getTime() - days * 86_400_000);
    fixClock(api, daysBefore(91));
    await worker.client.api.notifications.markRead({ id: oldest?.id ?? '' });
    fixClock(api, daysBefore(89));
    await worker.client.api.notifications.archive({ id: middle?.id ?? '' });

    expect(await pruneReadNotifications(api.db, company.companyId, now)).toBe(1);
    expect(await pruneReadNotifications(api.db, company.companyId, now)).toBe(0);
    const left = await owner.query<{ id: string }>(
      'SELECT id FROM notifications WHERE recipient_id = $1 ORDER BY created_at DESC',
      [worker.id],
    );
    expect(left.rows.map((row) => row.id)).toEqual([newest?.id, middle?.id]);
    // Another company's read notifications are not this company's job to prune.
    const other = await companyFixture(api);
    expect(await pruneReadNotifications(api.db, other.companyId, new Date('2030-01-01'))).toBe(0);
    expect(await pruneReadNotifications(api.db, company.companyId, new Date('2030-01-01'))).toBe(1);
  });
});
