import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { addDays, toLocalTime } from '@aegira/domain';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import {
  type SeededCompany,
  seedCompany,
  seedHistory,
} from '../../../packages/db/src/seed/index.ts';
import { hashPassword } from '../../api/src/auth/password.ts';
import { createPerson } from '../../api/src/services/person-writes.ts';
import { formatDay } from '../src/admin/as-of/as-of-wording.ts';
import { PERSON_PASSWORD } from './check-in-fixtures.ts';
import { logInAs, useServerAndBrowser } from './e2e-setup.ts';

// State as of a past date (issue 16): a company seeded five days back through the write path
// (dated events, decision 028), so "yesterday" has a real past for the pages to show.

const setup = useServerAndBrowser();
const TIME_ZONE = 'Europe/Berlin';
const DAYS_BACK = 5;
const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

let company: SeededCompany;
let passwordHash: string;
let today: string;
let yesterday: string;

beforeAll(async () => {
  const { server } = setup();
  today = toLocalTime(new Date(), TIME_ZONE).date;
  yesterday = addDays(today, -1);
  passwordHash = await hashPassword(PERSON_PASSWORD);
  company = await seedCompany(server.deps.db, {
    workers: 3,
    teamSize: { min: 3, max: 3 },
    schedule: { windowStart: '06:00', windowEnd: '18:00', workDays: [1, 2, 3, 4, 5, 6, 7] },
    assignedOn: addDays(today, -DAYS_BACK),
    at: new Date(Date.now() - DAYS_BACK * 86_400_000),
    timezone: TIME_ZONE,
    name: 'As-of Works',
    passwordHash,
  });
  // Every member checked in on each past day, so yesterday's roster has a check-in per row.
  await seedHistory(server.deps.db, company, {
    from: addDays(today, -DAYS_BACK + 1),
    to: yesterday,
    missRate: 0,
    lateRate: 0,
  });
}, 120_000);

// A failing step says what the page showed instead.
beforeEach(() => {
  onTestFailed(async () => {
    const { page } = setup();
    console.error(`Page ${page.url()} showed:\n${await page.locator('main').textContent()}`);
  });
});

/** A picture of the page for a reviewer (test/artifacts, not committed). */
async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

function banner(page: Page) {
  return page.getByText(/— read only$/);
}

async function showAsOf(page: Page, date: string) {
  await page.getByLabel('As of', { exact: true }).fill(date);
  await page.getByRole('button', { name: 'Show' }).click();
}

describe('a team and a person as of a past date', () => {
  it('renames a team, shows it as it was yesterday (read only, survives a reload), and goes back to today', async () => {
    const { page, server } = setup();
    await logInAs(page, server.url, company.adminEmail, PERSON_PASSWORD);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Teams' })
      .click();
    await page.getByRole('link', { name: 'Crew 1', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Crew 1' }).waitFor();

    // The admin renames the team today.
    await page.getByRole('link', { name: 'Edit team' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Harbour Crew');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Harbour Crew' }).waitFor();
    expect(await banner(page).count()).toBe(0);

    // As of yesterday: the old name, the banner, the members of then with that day's check-in.
    expect(await page.getByLabel('As of', { exact: true }).getAttribute('max')).toBe(today);
    await showAsOf(page, yesterday);
    await page.getByRole('heading', { level: 1, name: 'Crew 1' }).waitFor();
    await banner(page).waitFor();
    expect(await banner(page).textContent()).toBe(
      `As it was at the end of ${formatDay(yesterday)} — read only`,
    );
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(yesterday);
    const roster = page.getByRole('table', { name: 'Members of Crew 1' });
    await roster.waitFor();
    expect(await roster.getByRole('row').count()).toBe(4);
    await roster.getByRole('columnheader', { name: `On ${formatDay(yesterday)}` }).waitFor();
    expect(await roster.getByText('Checked in', { exact: true }).count()).toBe(3);
    // Read only: no edit, deactivate or assign controls.
    expect(await page.getByRole('link', { name: 'Edit team' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Assign or move a worker' }).count()).toBe(0);

    // The history marks today's rename as later than the state shown.
    const history = page.getByRole('list', { name: 'History' });
    await history
      .getByRole('listitem')
      .filter({ hasText: 'Team changed' })
      .getByText('Later than the state shown')
      .waitFor();
    await screenshot(page, 'as-of-team-yesterday');

    // The address carries the view: a reload shows the same past state.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Crew 1' }).waitFor();
    await banner(page).waitFor();

    // Back to today: the new name, editable again.
    await page.getByRole('link', { name: 'Back to today' }).click();
    await page.getByRole('heading', { level: 1, name: 'Harbour Crew' }).waitFor();
    await page.getByRole('link', { name: 'Edit team' }).waitFor();
    expect(await banner(page).count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('asOf')).toBe(false);

    // The timeline opens the state right after an event: after the creation, the first name.
    await page.getByRole('link', { name: /^State after this event \(Team created, / }).click();
    await page.getByRole('heading', { level: 1, name: 'Crew 1' }).waitFor();
    await page.getByText(/^As it was right after the change of .+ — read only$/).waitFor();
    await history
      .getByRole('listitem')
      .filter({ hasText: 'Team created' })
      .getByText('State shown above')
      .waitFor();
    await screenshot(page, 'as-of-team-after-event');
    expect(new URL(page.url()).searchParams.get('afterEvent')).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Back to today' }).click();
    await page.getByRole('heading', { level: 1, name: 'Harbour Crew' }).waitFor();
  });

  it('follows a member into the past, and says when a person did not exist yet or a date is to come', async () => {
    const { page, server } = setup();
    // A person added today: yesterday they did not exist.
    const newcomerId = randomUUID();
    await createPerson(
      server.deps.db,
      { companyId: company.companyId, actorId: company.adminId },
      {
        id: newcomerId,
        email: `nina.${newcomerId.slice(0, 8)}@${company.slug}.aegira.test`,
        firstName: 'Nina',
        lastName: 'Newcomer',
        role: 'WHS',
        passwordHash,
        teamId: null,
        teamAssignedOn: null,
      },
    );
    await logInAs(page, server.url, company.adminEmail, PERSON_PASSWORD);
    const teamUrl = new URL(`/teams?id=${company.teamId}&asOf=${yesterday}`, server.url);
    await page.goto(teamUrl.toString());
    const roster = page.getByRole('table', { name: /^Members of / });
    await roster.waitFor();

    // A member's link opens them at the same date, read only, their team linked at that date too
    // (by its name of then: the rename is today's).
    await roster.getByRole('link').first().click();
    await banner(page).waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(yesterday);
    expect(await page.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
    await screenshot(page, 'as-of-person-yesterday');
    const teamLink = page.getByRole('link', { name: 'Crew 1', exact: true });
    expect(
      new URL((await teamLink.getAttribute('href')) ?? '', server.url).searchParams.get('asOf'),
    ).toBe(yesterday);

    // The newcomer as of yesterday: a clear message, and the way back.
    await page.goto(new URL(`/people?id=${newcomerId}&asOf=${yesterday}`, server.url).toString());
    await page.getByRole('heading', { level: 1, name: 'No record of this person then' }).waitFor();
    await page.getByText(`This person did not exist on ${formatDay(yesterday)}.`).waitFor();
    await screenshot(page, 'as-of-person-not-yet');
    await page.getByRole('link', { name: 'Back to today' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nina Newcomer' }).waitFor();

    // A date still to come is refused in the form, before any request.
    await showAsOf(page, addDays(today, 3));
    await page
      .getByText(`${formatDay(addDays(today, 3))} is in the future.`, { exact: false })
      .waitFor();
    expect(new URL(page.url()).searchParams.has('asOf')).toBe(false);
  });
});
