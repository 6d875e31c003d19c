import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../../api/test-support/api-harness.ts';
import { firstLogin } from '../../api/test-support/fixtures.ts';
import type { TestServer } from '../../api/test-support/test-server.ts';
import { companyOfAccount, useServerAndBrowser } from './e2e-setup.ts';

const PASSWORD = 'correct horse battery staple';

const setup = useServerAndBrowser();

/** A company with its first admin, signed up through the API (the UI is auth.e2e's). */
async function signUpCompany(server: TestServer) {
  const unique = randomUUID().slice(0, 8);
  const email = `ada.${unique}@e2e.aegira.test`;
  await new TestClient(server.deps).api.auth.signUp({
    company: { name: `Harbour Works ${unique}`, timezone: 'Europe/Berlin' },
    admin: { firstName: 'Ada', lastName: 'Admin', email, password: PASSWORD },
  });
  return { email, unique };
}

async function logIn(page: Page, url: string, email: string, password = PASSWORD) {
  await page.goto(new URL('/login', url).toString());
  await page.getByLabel('Company').fill(await companyOfAccount(url, email));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function openNav(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
}

/** The success message of the last action (a polite live region). */
function notice(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /\S/ });
}

async function addPerson(
  page: Page,
  person: { first: string; last: string; email: string; role: string; team?: string },
) {
  await openNav(page, 'People');
  await page.getByRole('link', { name: 'Add person' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a person' }).waitFor();
  await page.getByLabel('First name').fill(person.first);
  await page.getByLabel('Last name').fill(person.last);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Role').selectOption({ label: person.role });
  if (person.team) await page.getByLabel('Team').selectOption({ label: person.team });
  await page.getByLabel('Initial password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Add person' }).click();
  const name = `${person.first} ${person.last}`;
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await notice(page).getByText(`${name} is added.`).waitFor();
}

describe('people and team administration in the browser', () => {
  it('creates a team and a worker, deactivates the worker with a reason, and locks them out', async () => {
    const { page, server, browser } = setup();
    const admin = await signUpCompany(server);
    await logIn(page, server.url, admin.email);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    // Given a team lead, added through the people form…
    await addPerson(page, {
      first: 'Lena',
      last: 'Lead',
      email: `lena.${admin.unique}@e2e.aegira.test`,
      role: 'Team lead',
    });

    // …the admin creates a team she leads, on the default schedule.
    await openNav(page, 'Teams');
    await page.getByText('No teams yet').waitFor();
    await page.getByRole('link', { name: 'New team' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Night shift');
    await page.getByLabel('Team lead').selectOption({ label: 'Lena Lead' });
    expect(await page.getByLabel('Window opens').inputValue()).toBe('06:00');
    expect(await page.getByRole('checkbox', { name: 'Saturday' }).isChecked()).toBe(false);
    await page.getByRole('checkbox', { name: 'Saturday' }).check();
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('heading', { level: 1, name: 'Night shift' }).waitFor();
    await notice(page).getByText('Night shift is created.').waitFor();
    await page.getByText('Mon–Sat').first().waitFor();

    // When they add a worker to that team…
    const workerEmail = `wendy.${admin.unique}@e2e.aegira.test`;
    await addPerson(page, {
      first: 'Wendy',
      last: 'Worker',
      email: workerEmail,
      role: 'Worker',
      team: 'Night shift',
    });

    // …the team lists her as a member, with today's check-in status.
    await page.getByRole('link', { name: 'Night shift' }).first().click();
    const members = page.getByRole('table', { name: 'Members of Night shift' });
    await members.getByRole('link', { name: 'Wendy Worker' }).waitFor();
    // The people list finds her by a search, with her team and an active badge.
    await openNav(page, 'People');
    await page.getByLabel('Search').fill('wendy');
    const people = page.getByRole('table', { name: 'People' });
    await expect.poll(() => people.getByRole('row').count()).toBe(2);
    const row = people.getByRole('row', { name: /Wendy Worker/ });
    await row.getByRole('link', { name: 'Night shift' }).waitFor();
    await row.getByText('Active', { exact: true }).waitFor();

    // She can sign in now (so her password is not what fails later), and has a session.
    const wendy = new TestClient(server.deps, '203.0.113.9');
    await firstLogin(
      wendy,
      { company: await companyOfAccount(server.url, workerEmail), email: workerEmail },
      PASSWORD,
    );
    expect((await wendy.api.auth.me()).user?.email).toBe(workerEmail);

    // When the admin deactivates her, a reason is required.
    await row.getByRole('link', { name: 'Wendy Worker' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wendy Worker' }).waitFor();
    await page.getByRole('button', { name: 'Deactivate' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deactivate Wendy Worker?' });
    await dialog.waitFor();
    const reason = dialog.getByLabel('Reason');
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.getByText('Give a reason; it is kept with the record.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Left the company');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();

    // Then she is inactive, with the reason on her page and in her history.
    await dialog.waitFor({ state: 'detached' });
    await notice(page).getByText('Wendy Worker is deactivated').waitFor();
    await page.getByText('Reason: Left the company').waitFor();
    await page.getByRole('button', { name: 'Reactivate' }).waitFor();
    const history = page.getByRole('list', { name: 'History' });
    await history.getByText('Deactivated', { exact: true }).waitFor();
    await history.getByText('Person added').waitFor();
    // Her existing session stops working at once.
    expect((await wendy.api.auth.me()).user).toBeNull();

    // And the audit log shows the deactivation, with the reason and who did it.
    await openNav(page, 'Audit log');
    await page.getByLabel('Action').selectOption({ label: 'Person deactivated' });
    const audit = page.getByRole('table', { name: 'Audit log, newest first' });
    const entry = audit.getByRole('row', { name: /Person deactivated/ });
    // Header and one entry, once the filter has applied.
    await expect.poll(() => audit.getByRole('row').count()).toBe(2);
    await entry.waitFor();
    await entry.getByText('Left the company').filter({ visible: true }).waitFor();
    await entry.getByText('Ada Admin').filter({ visible: true }).waitFor();

    // Its entity opens the full history in a dialog; Escape closes it and focus returns.
    const entity = entry.getByRole('button', { name: /show its history/ });
    await entity.click();
    const timeline = page.getByRole('dialog', { name: /History of/ });
    await timeline.getByText('Person added').waitFor();
    await timeline.getByText('Deactivated', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await timeline.waitFor({ state: 'detached' });
    expect(await entity.evaluate((el) => el === document.activeElement)).toBe(true);

    expect(browser.pageErrors).toEqual([]);

    // Finally the deactivated worker cannot log in: the login page says so.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await logIn(page, server.url, workerEmail);
    const alert = page.getByRole('alert');
    await alert.getByText('Company, email or password is incorrect.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    // The refused login is a 401, which the browser reports; nothing else went wrong.
    expect(browser.pageErrors).toEqual([expect.stringMatching(/401/)]);
  });

  it('schedules a move to another team for tomorrow and cancels it; the team lead sees the team', async () => {
    const { page, server, browser } = setup();
    const { email: adminEmail, unique } = await signUpCompany(server);
    const admin = new TestClient(server.deps);
    const company = await companyOfAccount(server.url, adminEmail);
    await admin.api.auth.login({ company, email: adminEmail, password: PASSWORD });
    const person = (first: string, role: 'TEAM_LEAD' | 'WORKER', teamId?: string) =>
      admin.api.people.create({
        email: `${first.toLowerCase()}.${unique}@e2e.aegira.test`,
        firstName: first,
        lastName: 'Tester',
        role,
        password: PASSWORD,
        ...(teamId ? { teamId } : {}),
      });
    const omar = await person('Omar', 'TEAM_LEAD');
    // The admin chose Omar's password; he replaces it at his first login (password-reset.e2e).
    const omarPassword = await firstLogin(
      new TestClient(server.deps),
      { company, email: `omar.${unique}@e2e.aegira.test` },
      PASSWORD,
    );
    const lena = await person('Lena', 'TEAM_LEAD');
    const day = await admin.api.teams.create({ name: 'Day shift', leaderId: omar.id });
    await admin.api.teams.create({ name: 'Night shift', leaderId: lena.id });
    await person('Priya', 'WORKER', day.id);

    // Given a worker in the day shift, the admin opens the night shift.
    await browser.context.clearCookies();
    browser.pageErrors.length = 0;
    await logIn(page, server.url, adminEmail);
    await openNav(page, 'Teams');
    await page.getByRole('link', { name: 'Night shift' }).click();
    await page.getByRole('heading', { level: 1, name: 'Night shift' }).waitFor();
    await page.getByText('No members yet').waitFor();

    // When they pick her, the form says the move applies tomorrow, not now.
    const assign = page.getByRole('region', { name: 'Assign or move a worker' });
    await assign.getByLabel('Worker').selectOption({ label: 'Priya Tester — in Day shift' });
    await assign.getByText(/moves from Day shift to Night shift on .+ \(tomorrow\)/).waitFor();
    await assign.getByRole('button', { name: 'Schedule the move' }).click();

    // Then she is listed as joining soon, and the move can be cancelled.
    await notice(page)
      .getByText(/Priya Tester moves to Night shift on/)
      .waitFor();
    const joining = page.getByRole('region', { name: 'Joining soon' });
    await joining.getByText(/Priya Tester, from Day shift, joins on/).waitFor();
    await joining.getByRole('button', { name: 'Cancel the move of Priya Tester' }).click();
    await notice(page).getByText('The move of Priya Tester to Night shift is cancelled.').waitFor();
    await joining.waitFor({ state: 'detached' });
    expect(browser.pageErrors).toEqual([]);

    // The day shift's lead sees her on their team, with today's check-in status.
    // (Logged out for real before the next page load, or that load would race the logout.)
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await logIn(page, server.url, `omar.${unique}@e2e.aegira.test`, omarPassword);
    await openNav(page, 'My team');
    await page.getByRole('heading', { level: 1, name: 'Day shift' }).waitFor();
    const roster = page.getByRole('table', { name: /Members of Day shift/ });
    const priya = roster.getByRole('row', { name: /Priya Tester/ });
    await priya.waitFor();
    await priya
      .getByText(/Checked in|Not yet|Overdue|Day off|Holiday/)
      .first()
      .waitFor();
    // Her name opens her page within the lead's area, with her leave and misses.
    await priya.getByRole('link', { name: 'Priya Tester' }).click();
    await page.getByRole('heading', { level: 1, name: 'Priya Tester' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/my-team');
    await page.getByRole('region', { name: 'Leave' }).getByText('No leave recorded').waitFor();
    expect(browser.pageErrors).toEqual([]);
  });
});
