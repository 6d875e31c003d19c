import { randomUUID } from 'node:crypto';
import { addDays, toLocalTime } from '@aegira/domain';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
// Relative, like the API sources the fixtures use: the web app itself never depends on the database.
import {
  event,
  executeCommand,
  finishJobRun,
  startJobRun,
} from '../../../packages/db/src/index.ts';
import { formatLocalDate } from '../src/check-in/format.ts';
import { ALWAYS_OPEN, leadWithWorkers, PERSON_PASSWORD } from './check-in-fixtures.ts';
import { logInAs, useServerAndBrowser } from './e2e-setup.ts';

const setup = useServerAndBrowser();

const logIn = (page: Page, url: string, email: string) =>
  logInAs(page, url, email, PERSON_PASSWORD);

/** The success message of the last action (a polite live region). */
function notice(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /\S/ });
}

describe('the daily loop in the browser: leave and missed check-ins', () => {
  it('a lead excuses one worker’s miss and records leave for another, and the roster shows both', async () => {
    const { page, server, browser } = setup();
    const { companyId, lead, team, workers } = await leadWithWorkers(server, ['Wanda', 'Bruno']);
    const [wanda, bruno] = workers;
    if (!wanda || !bruno) throw new Error('the fixture made two workers');
    const today = toLocalTime(new Date(), ALWAYS_OPEN.timeZone).date;

    // Given Bruno missed today's check-in, recorded by the detection job with its snapshot…
    await executeCommand(server.deps.db, { companyId, actorId: null }, async () => [
      event('MISSED_CHECK_IN_DETECTED', {
        id: randomUUID(),
        personId: bruno.id,
        teamId: team.id,
        localDate: today,
        detectedAt: new Date().toISOString(),
        snapshot: {
          windowStart: '06:00',
          windowEnd: '10:00',
          leadId: lead.id,
          streakBefore: 4,
          missesLast30Days: 1,
        },
      }),
    ]);

    // …the lead's roster shows him as missed, and the team's misses list the open miss.
    await logIn(page, server.url, lead.email);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My team' })
      .click();
    await page.getByRole('heading', { level: 1, name: team.name }).waitFor();
    const roster = page.getByRole('table', { name: /Members of/ });
    const brunoToday = roster.getByRole('row', { name: /Bruno Tester/ });
    await brunoToday.getByText('Missed', { exact: true }).waitFor();
    const misses = page.getByRole('region', { name: 'Misses' });
    const missRow = misses.getByRole('row', { name: /Bruno Tester/ });
    await missRow.getByText('Open', { exact: true }).waitFor();
    await missRow.getByText(formatLocalDate(today, 'long')).waitFor();
    await missRow.getByText('Window 06:00–10:00').waitFor();
    await missRow.getByText('Streak before: 4 days').waitFor();
    await missRow.getByText('Misses in the 30 days before: 1').waitFor();

    // When the lead excuses it, a reason is required…
    await missRow.getByRole('button', { name: /Excuse the miss of Bruno Tester/ }).click();
    const excuse = page.getByRole('dialog', { name: 'Excuse Bruno Tester’s missed check-in?' });
    const reason = excuse.getByLabel('Reason');
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await excuse.getByRole('button', { name: 'Excuse miss' }).click();
    await excuse.getByText('Give a reason; it is kept with the record.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Doctor’s appointment, agreed last week');
    await excuse.getByRole('button', { name: 'Excuse miss' }).click();

    // …then the miss stays listed, excused with the reason, and the roster no longer says missed.
    await excuse.waitFor({ state: 'detached' });
    await notice(page).getByText('The miss of Bruno Tester on').waitFor();
    await missRow.getByText('Excused', { exact: true }).waitFor();
    await missRow.getByText('Reason: Doctor’s appointment, agreed last week').waitFor();
    await missRow.getByText(/by you/).waitFor();
    expect(await missRow.getByRole('button', { name: /Excuse/ }).count()).toBe(0);
    await brunoToday.getByText('Missed', { exact: true }).waitFor({ state: 'detached' });

    // When the lead opens Wanda's page from the roster and records sick leave from today…
    await roster.getByRole('link', { name: 'Wanda Tester' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wanda Tester' }).waitFor();
    const leave = page.getByRole('region', { name: 'Leave' });
    await leave.getByText('No leave recorded').waitFor();
    await page.getByRole('region', { name: 'Misses' }).getByText('No missed check-ins').waitFor();
    await leave.getByRole('button', { name: 'Record leave' }).click();
    const record = page.getByRole('dialog', { name: 'Record leave for Wanda Tester' });
    expect(await record.getByLabel('First day').inputValue()).toBe(today);
    await record.getByLabel('Type').selectOption({ label: 'Sick leave' });
    // A last day before the first is refused beside the field, which takes focus.
    await record.getByLabel('Last day').fill(addDays(today, -1));
    await record.getByRole('button', { name: 'Record leave' }).click();
    const lastDay = record.getByLabel('Last day');
    await record.getByText('The last day is before the first day.').waitFor();
    expect(await lastDay.evaluate((el) => el === document.activeElement)).toBe(true);
    const endDate = addDays(today, 2);
    await lastDay.fill(endDate);
    await record.getByLabel('Note (optional)').fill('Flu');
    await record.getByRole('button', { name: 'Record leave' }).click();

    // …then her leave is listed as current, and the roster shows her on leave until then.
    await record.waitFor({ state: 'detached' });
    await notice(page).getByText('Sick leave for Wanda Tester is recorded').waitFor();
    const leaveRow = leave.getByRole('row', { name: /Sick leave/ });
    await leaveRow.getByText('On leave now').waitFor();
    await leaveRow.getByText('Flu', { exact: true }).waitFor();
    await leaveRow
      .getByText(`${formatLocalDate(today, 'long')} – ${formatLocalDate(endDate, 'long')} (3 days)`)
      .waitFor();

    await page.getByRole('link', { name: 'My team' }).first().click();
    await page.getByRole('heading', { level: 1, name: team.name }).waitFor();
    const wandaToday = roster.getByRole('row', { name: /Wanda Tester/ });
    await wandaToday.getByText('On leave', { exact: true }).waitFor();
    await wandaToday.getByText(`Sick leave until ${formatLocalDate(endDate, 'long')}`).waitFor();
    // On leave is not expected: only Bruno counts in the roll call.
    await page.getByText(/of 1 checked in/).waitFor();

    // Cancelling the leave puts her back on the roll call; the leave stays, cancelled.
    await roster.getByRole('link', { name: 'Wanda Tester' }).click();
    await leaveRow.getByRole('button', { name: /Cancel the leave/ }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel Wanda Tester’s leave?' });
    await cancel.getByRole('button', { name: 'Cancel leave' }).click();
    await cancel.waitFor({ state: 'detached' });
    await notice(page).getByText('The leave of Wanda Tester').waitFor();
    await leaveRow.getByText('Cancelled', { exact: true }).waitFor();
    expect(await leaveRow.getByRole('button').count()).toBe(0);
    await page.getByRole('link', { name: 'My team' }).first().click();
    await page.getByText(/of 2 checked in/).waitFor();
    expect(await wandaToday.getByText('On leave', { exact: true }).count()).toBe(0);

    expect(browser.pageErrors).toEqual([]);
  });

  it('an admin sees the scheduled jobs’ runs, newest first, a page at a time', async () => {
    const { page, server, browser } = setup();
    const { companyId, adminEmail } = await leadWithWorkers(server, []);
    // Given 26 finished runs of detection and then one failed run of the transfers job…
    for (let run = 0; run < 26; run += 1) {
      const runId = await startJobRun(server.deps.db, {
        companyId,
        job: 'detect-missed-check-ins',
        abandonAfterSeconds: 600,
      });
      await finishJobRun(server.deps.db, {
        companyId,
        runId,
        outcome: 'succeeded',
        counts: { detected: run, daysChecked: 1 },
        error: null,
      });
    }
    const failed = await startJobRun(server.deps.db, {
      companyId,
      job: 'complete-due-transfers',
      abandonAfterSeconds: 600,
    });
    await finishJobRun(server.deps.db, {
      companyId,
      runId: failed,
      outcome: 'failed',
      counts: {},
      error: 'Connection terminated unexpectedly',
    });

    // …the admin's Job runs screen lists the failure first, with its error…
    await logIn(page, server.url, adminEmail);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Job runs' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Job runs' }).waitFor();
    const runs = page.getByRole('table', { name: 'Job runs, newest first' });
    const first = runs.getByRole('row').nth(1);
    await first.getByText('complete-due-transfers').waitFor();
    await first.getByText('Failed', { exact: true }).waitFor();
    await first.getByText('Connection terminated unexpectedly').waitFor();
    // …and the runs before it with their counts, 25 to a page, then the rest on request.
    const second = runs.getByRole('row').nth(2);
    await second.getByText('Succeeded', { exact: true }).waitFor();
    await second.getByText('detected 25').waitFor();
    await second.getByText('days checked 1').waitFor();
    expect(await runs.getByRole('row').count()).toBe(26);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => runs.getByRole('row').count()).toBeGreaterThanOrEqual(28);
    await runs.getByText('detected 0', { exact: true }).waitFor();
    expect(browser.pageErrors).toEqual([]);
  });
});
