import { randomUUID } from 'node:crypto';
import { toLocalTime } from '@aegira/domain';
import { describe, expect, it } from 'vitest';
// Relative, like the API sources the fixtures use: the web app itself never depends on the database.
import { event, executeCommand } from '../../../packages/db/src/index.ts';
import { ALWAYS_OPEN, leadWithWorkers, PERSON_PASSWORD } from './check-in-fixtures.ts';
import { logInAs, useServerAndBrowser } from './e2e-setup.ts';

const setup = useServerAndBrowser();

describe('notifications in the browser', () => {
  it('a worker sees a miss notification from the bell, marks it read and archives it', async () => {
    const { page, server } = setup();
    const { companyId, lead, team, workers } = await leadWithWorkers(server, ['Mia']);
    const [mia] = workers;
    if (!mia) throw new Error('the fixture made a worker');
    const today = toLocalTime(new Date(), ALWAYS_OPEN.timeZone).date;

    // Given the detection job recorded Mia's miss of today…
    await executeCommand(server.deps.db, { companyId, actorId: null }, async () => [
      event('MISSED_CHECK_IN_DETECTED', {
        id: randomUUID(),
        personId: mia.id,
        teamId: team.id,
        localDate: today,
        detectedAt: new Date().toISOString(),
        snapshot: {
          windowStart: '06:00',
          windowEnd: '10:00',
          leadId: lead.id,
          streakBefore: 0,
          missesLast30Days: 0,
        },
      }),
    ]);

    // …the bell in her header says one unread, and leads to the notification.
    await logInAs(page, server.url, mia.email, PERSON_PASSWORD);
    const bell = page.getByRole('link', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/notifications');
    const list = page.getByRole('list', { name: 'Notifications' });
    const miss = list.getByRole('listitem').filter({ hasText: 'Missed check-in' });
    await miss.getByText(`You did not check in on ${today}.`, { exact: false }).waitFor();
    await miss.getByText('Unread:').waitFor();

    // Marking it read empties the count on the bell, without reloading.
    await miss.getByRole('button', { name: 'Mark read: Missed check-in' }).click();
    await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await miss.getByText('Unread:').waitFor({ state: 'detached' });

    // Archived, it leaves the inbox and is listed under Archived.
    await miss.getByRole('button', { name: 'Archive: Missed check-in' }).click();
    await page.getByText('No notifications').waitFor();
    await page.getByRole('button', { name: 'Archived' }).click();
    await list.getByText('Missed check-in').waitFor();
    await list.getByText('archived', { exact: false }).waitFor();
  });
});
