import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../../api/test-support/api-harness.ts';
import type { TestServer } from '../../api/test-support/test-server.ts';
import { companyOfAccount, logInAs, useServerAndBrowser } from './e2e-setup.ts';

// Issue 17, "Defects found trying it as a new user": each test pins one fix in the browser.

const PASSWORD = 'correct horse battery staple';

const setup = useServerAndBrowser();

/** A company with its first admin, signed up through the API, and that admin's API client. */
async function signUpCompany(server: TestServer, timezone = 'Europe/Berlin') {
  const unique = randomUUID().slice(0, 8);
  const email = `ada.${unique}@e2e.aegira.test`;
  const admin = new TestClient(server.deps);
  await admin.api.auth.signUp({
    company: { name: `Harbour Works ${unique}`, timezone },
    admin: { firstName: 'Ada', lastName: 'Admin', email, password: PASSWORD },
  });
  return { email, unique, admin };
}

/** The success message of the last action (a polite live region). */
function notice(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /\S/ });
}

describe('defects found trying AEGIRA as a new user', () => {
  it("shows a worker's pending team move on their page and cancels it there", async () => {
    const { page, server, browser } = setup();
    const { email, unique, admin } = await signUpCompany(server);
    const person = (first: string, role: 'TEAM_LEAD' | 'WORKER', teamId?: string) =>
      admin.api.people.create({
        email: `${first.toLowerCase()}.${unique}@e2e.aegira.test`,
        firstName: first,
        lastName: 'Tester',
        role,
        password: PASSWORD,
        ...(teamId ? { teamId } : {}),
      });
    const day = await admin.api.teams.create({
      name: 'Day shift',
      leaderId: (await person('Omar', 'TEAM_LEAD')).id,
    });
    const night = await admin.api.teams.create({
      name: 'Night shift',
      leaderId: (await person('Lena', 'TEAM_LEAD')).id,
    });
    const priya = await person('Priya', 'WORKER', day.id);
    await admin.api.teams.assignMember({ personId: priya.id, teamId: night.id });

    browser.pageErrors.length = 0;
    await logInAs(page, server.url, email, PASSWORD);
    await page.goto(new URL(`/people?id=${priya.id}`, server.url).toString());
    await page.getByRole('heading', { level: 1, name: 'Priya Tester' }).waitFor();
    const move = page.getByRole('region', { name: 'Pending team move' });
    await move.getByText(/Moves to Night shift on/).waitFor();
    await move.getByRole('button', { name: 'Cancel the move of Priya Tester' }).click();
    await notice(page).getByText('The move of Priya Tester to Night shift is cancelled.').waitFor();
    await move.waitFor({ state: 'detached' });
    expect(browser.pageErrors).toEqual([]);
  });

  it('tells an admin who opens the check-in that check-ins are for workers', async () => {
    const { page, server } = setup();
    const { email } = await signUpCompany(server);
    await logInAs(page, server.url, email, PASSWORD);
    await page.goto(new URL('/check-in', server.url).toString());
    await page.getByText('Check-ins are for workers').waitFor();
    expect(await page.getByText('You are not on a team yet').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Submit check-in' }).count()).toBe(0);
  });

  it('shows a wrong password without an error reference', async () => {
    const { page, server } = setup();
    const { email } = await signUpCompany(server);
    await page.context().clearCookies();
    await page.goto(new URL('/login', server.url).toString());
    await page.getByLabel('Company').fill(await companyOfAccount(server.url, email));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the right password');
    await page.getByRole('button', { name: 'Log in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/email or password/i);
    expect(text).not.toMatch(/Reference/);
  });

  it('limits person names to 100 characters while typing, as the team form does', async () => {
    const { page, server } = setup();
    const { email } = await signUpCompany(server);
    await logInAs(page, server.url, email, PASSWORD);
    await page.goto(new URL('/people?view=new', server.url).toString());
    await page.getByRole('heading', { level: 1, name: 'Add a person' }).waitFor();
    for (const label of ['First name', 'Last name']) {
      const field = page.getByLabel(label);
      await field.fill('x'.repeat(150));
      expect((await field.inputValue()).length).toBe(100);
    }
  });

  it('filters the audit log by who acted, and offers API tokens as an entity', async () => {
    const { page, server } = setup();
    const { email, unique, admin } = await signUpCompany(server);
    await admin.api.apiTokens.create({
      name: 'Nightly export',
      scope: 'READ_ONLY',
      expiresAt: null,
    });
    // A second admin acts too, so the actor filter has something to leave out.
    await admin.api.people.create({
      email: `bea.${unique}@e2e.aegira.test`,
      firstName: 'Bea',
      lastName: 'Second',
      role: 'ADMIN',
      password: PASSWORD,
    });
    await logInAs(page, server.url, email, PASSWORD);
    await page.goto(new URL('/audit-log', server.url).toString());
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const filters = page.getByRole('search', { name: 'Filter the audit log' });
    await filters.getByLabel('Entity').selectOption({ label: 'API token' });
    const results = page.getByRole('region', { name: 'Results' });
    await results
      .getByText(/Nightly export/)
      .first()
      .waitFor();
    await expect.poll(() => results.getByText(/Bea Second/).count()).toBe(0);

    await filters.getByLabel('Entity').selectOption({ label: 'All entities' });
    await results
      .getByText(/Bea Second/)
      .first()
      .waitFor();
    await filters.getByLabel('Done by').selectOption({ label: 'Bea Second' });
    await page.getByText('Nothing matches these filters').waitFor();
    await filters.getByLabel('Done by').selectOption({ label: 'Ada Admin' });
    await results
      .getByText(/Bea Second/)
      .first()
      .waitFor();
  });

  it("shows API token dates on the company's clock and says so", async () => {
    const { page, server } = setup();
    const { email } = await signUpCompany(server, 'Pacific/Auckland');
    await logInAs(page, server.url, email, PASSWORD);
    await page.goto(new URL('/api-tokens', server.url).toString());
    await page.getByText('Dates are in the company’s time zone, Pacific/Auckland.').waitFor();
    await page.getByRole('button', { name: 'Create token' }).click();
    await page
      .getByText(/ends in the company’s time zone \(Pacific\/Auckland\)/)
      .first()
      .waitFor();
  });
});
