import { addDays, toLocalTime } from '@aegira/domain';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatLocalDate } from '../src/check-in/format.ts';
import {
  apiClientFor,
  PERSON_PASSWORD,
  workerOnTeam,
  workerWithoutTeam,
} from './check-in-fixtures.ts';
import { logInAs, useServerAndBrowser } from './e2e-setup.ts';

const setup = useServerAndBrowser();

const logIn = (page: Page, url: string, email: string) =>
  logInAs(page, url, email, PERSON_PASSWORD);

/** Moves a slider with the keyboard, as a keyboard user would: Home, then arrow steps. */
async function setSlider(page: Page, label: string, value: number) {
  const slider = page.getByRole('slider', { name: label, exact: true });
  const min = Number(await slider.getAttribute('min'));
  const step = Number(await slider.getAttribute('step'));
  await slider.focus();
  await slider.press('Home');
  for (let steps = Math.round((value - min) / step); steps > 0; steps -= 1) {
    await slider.press('ArrowRight');
  }
  expect(Number(await slider.inputValue())).toBe(value);
}

async function fillCheckIn(
  page: Page,
  answers: { hours: number; quality: number; stress: number; physical: number; pain: number },
) {
  await setSlider(page, 'Hours slept', answers.hours);
  await setSlider(page, 'Sleep quality', answers.quality);
  await setSlider(page, 'Stress level', answers.stress);
  await setSlider(page, 'Physical condition', answers.physical);
  await setSlider(page, 'Pain level', answers.pain);
}

/** Waits until the element's text holds every part, then returns that text. */
async function expectText(locator: Locator, ...parts: string[]): Promise<string> {
  await locator.waitFor();
  for (const part of parts) {
    await locator.getByText(part, { exact: false }).first().waitFor();
  }
  return (await locator.textContent()) ?? '';
}

describe('the daily check-in in the browser', () => {
  it('previews, submits and amends today’s check-in, and shows both versions in the history', async () => {
    const { page, server, browser } = setup();
    const worker = await workerOnTeam(server);

    // Given a worker whose check-in window is open, home says so and offers the check-in.
    await logIn(page, server.url, worker.email);
    const today = page.getByRole('region', { name: 'Today’s check-in' });
    await expectText(today, 'Check-in is open until 23:59');
    await today.getByRole('link', { name: 'Check in now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daily check-in' }).waitFor();

    // When they answer, the preview shows the score before anything is sent.
    await fillCheckIn(page, { hours: 7.5, quality: 8, stress: 3, physical: 8, pain: 0 });
    expect(await page.getByLabel('Pain location').count()).toBe(0);
    const preview = page.getByRole('region', { name: 'Readiness preview' });
    await preview.getByText('86', { exact: true }).waitFor();
    await preview.getByText('GREEN', { exact: true }).waitFor();
    await page.getByLabel('Notes').fill('Slept well.');
    await page.getByText('11 / 500').waitFor();

    // Then the server's score is the same.
    await page.getByRole('button', { name: 'Submit check-in' }).click();
    await page.getByRole('status').getByText('your check-in is in').waitFor();
    const result = page.getByRole('region', { name: 'Today’s readiness' });
    await result.getByText('86', { exact: true }).waitFor();
    await result.getByText('GREEN', { exact: true }).waitFor();
    await expectText(result, 'Factor breakdown', 'Sleep', 'Slept well.');

    // When they amend it, the form comes back prefilled.
    await page.getByRole('button', { name: 'Amend today’s check-in' }).click();
    expect(await page.getByRole('slider', { name: 'Hours slept' }).inputValue()).toBe('7.5');
    await fillCheckIn(page, { hours: 5.5, quality: 4, stress: 7, physical: 5, pain: 3 });
    await preview.getByText('48', { exact: true }).waitFor();
    await preview.getByText('RED', { exact: true }).waitFor();

    // Pain without a location is refused beside the field, which takes focus.
    await page.getByRole('button', { name: 'Save amendment' }).click();
    const location = page.getByLabel('Pain location');
    await page.getByText('Pain location is required when pain level is above 0.').waitFor();
    expect(await location.getAttribute('aria-invalid')).toBe('true');
    expect(await location.evaluate((el) => el === document.activeElement)).toBe(true);
    await location.selectOption({ label: 'Lower back' });
    await page.getByRole('button', { name: 'Save amendment' }).click();

    await page.getByRole('status').getByText('Your amendment is saved').waitFor();
    await result.getByText('48', { exact: true }).waitFor();
    await result.getByText('RED', { exact: true }).waitFor();
    await expectText(result, 'Amended · version 2', 'Lower back');

    // The history lists today once, amended, and keeps both versions.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'History' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
    await expectText(page.getByRole('figure'), '1 check-in in the last 30 days: readiness 48');
    const items = page.getByRole('article');
    await items.first().waitFor();
    expect(await items.count()).toBe(1);
    const item = items.first();
    await expectText(item, '48', 'RED', 'Amended · version 2');
    await item.getByRole('button', { name: /Show details/ }).click();
    const original = item.getByRole('region', { name: /Version 1/ });
    const amended = item.getByRole('region', { name: /Version 2/ });
    await original.getByText('86', { exact: true }).waitFor();
    await expectText(original, 'GREEN', 'Submitted', '7.5 hours', 'Slept well.');
    await amended.getByText('48', { exact: true }).waitFor();
    await expectText(amended, 'RED', 'Amended', '5.5 hours', 'Lower back', 'current');

    // And home now reports the day as done.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Home' })
      .click();
    await expectText(today, 'Done — readiness 48 (RED)');
    await today.getByRole('link', { name: 'View today’s check-in' }).waitFor();

    // Logging out from a page with check-in data fetches nothing more (no 401 in the console).
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(browser.pageErrors).toEqual([]);
  });

  it('explains why a worker without a team cannot check in, and shows an empty history', async () => {
    const { page, server, browser } = setup();
    const worker = await workerWithoutTeam(server);
    await logIn(page, server.url, worker.email);
    await expectText(
      page.getByRole('region', { name: 'Today’s check-in' }),
      'You are not on a team yet',
    );

    await page.goto(new URL('/check-in', server.url).toString());
    await page.getByText('You are not on a team yet').waitFor();
    expect(await page.getByRole('button', { name: 'Submit check-in' }).count()).toBe(0);
    expect(await page.getByRole('slider').count()).toBe(0);

    await page.getByRole('link', { name: 'View your history' }).click();
    await page.getByText('No check-ins yet').waitFor();
    expect(await page.getByRole('figure').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });

  it('pages through a longer history with its late badge, and charts the last 30 days', async () => {
    const { page, server, browser } = setup();
    // A 06:00–10:00 window in UTC, so the past days' clock readings below are simple.
    const worker = await workerOnTeam(server, {
      timeZone: 'UTC',
      windowStart: '06:00',
      windowEnd: '10:00',
    });
    const api = await apiClientFor(server, worker.email);
    const today = toLocalTime(new Date(), 'UTC').date;
    // Given twelve past check-ins, made with the server's clock set back day by day.
    try {
      for (let daysAgo = 12; daysAgo >= 1; daysAgo -= 1) {
        const time = daysAgo === 3 ? '10:30' : '08:00';
        const instant = new Date(`${addDays(today, -daysAgo)}T${time}:00Z`);
        server.deps.now = () => instant;
        await api.api.checkIn.submit({
          hoursSlept: 7,
          sleepQuality: 1 + (daysAgo % 10),
          stressLevel: 5,
          physicalCondition: 6,
          painLevel: 0,
        });
      }
    } finally {
      delete server.deps.now;
    }

    await logIn(page, server.url, worker.email);
    await page.goto(new URL('/history', server.url).toString());
    await expectText(page.getByRole('figure'), '12 check-ins in the last 30 days.');

    // The first page holds ten, newest first; "Load more" brings the rest and then goes away.
    const items = page.getByRole('article');
    await items.nth(9).waitFor();
    expect(await items.count()).toBe(10);
    expect(await items.first().getByRole('heading').textContent()).toBe(
      formatLocalDate(addDays(today, -1)),
    );
    await page.getByRole('button', { name: 'Load more' }).click();
    await items.nth(11).waitFor();
    expect(await items.count()).toBe(12);
    expect(await items.last().getByRole('heading').textContent()).toBe(
      formatLocalDate(addDays(today, -12)),
    );
    await page.getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });

    // The late day says how late, in words.
    const late = items.filter({ hasText: 'Late (30 min)' });
    expect(await late.count()).toBe(1);
    expect(browser.pageErrors).toEqual([]);
  });
});
