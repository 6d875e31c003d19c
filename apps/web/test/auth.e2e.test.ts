import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../api/test-support/api-harness.ts';
import { startTestServer } from '../../api/test-support/test-server.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { expectAccessiblePages } from './e2e-setup.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

let server: TestServer | undefined;
let browser: TestBrowser | undefined;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterEach(async () => {
  if (browser) await expectAccessiblePages(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function setup(): { page: Page; url: string } {
  if (!server || !browser) throw new Error('beforeAll did not start the server and browser');
  return { page: browser.page, url: server.url };
}

/** Waits for the signed-in shell; if the form shows an error instead, fails with its text. */
async function expectShell(page: Page, companyName: string, firstName: string) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const alert = page.getByRole('alert').first();
  await nav.or(alert).first().waitFor();
  if (!(await nav.isVisible())) {
    throw new Error(`Expected the app shell, the page says: ${await alert.textContent()}`);
  }
  await page.getByRole('banner').getByText(companyName).waitFor();
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(firstName);
}

describe('signing up, out and in', () => {
  it('creates a company, logs out and logs back in to the same shell', async () => {
    const { page, url } = setup();
    const unique = randomUUID().slice(0, 8);
    const companyName = `Harbour Works ${unique}`;
    const email = `ada.${unique}@e2e.aegira.test`;
    const password = 'correct horse battery staple';

    // Given a visitor with no session, the app starts on the login page.
    await page.goto(url);
    await page.getByRole('button', { name: 'Log in' }).waitFor();

    // When they create a company account
    await page.getByRole('link', { name: 'Create a company account' }).click();
    await page.getByLabel('Company name').fill(companyName);
    await page.getByLabel('Timezone').selectOption('Europe/Berlin');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Confirm password').fill(password);
    await page.getByRole('button', { name: 'Create company' }).click();

    // Then they are the signed-in admin of that company.
    await expectShell(page, companyName, 'Ada');
    const banner = page.getByRole('banner');
    await banner.getByText('Ada Lovelace').waitFor();
    await banner.getByText('Admin').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Home', 'People', 'Teams', 'Holidays', 'Audit log', 'Settings']) {
      await nav.getByRole('link', { name: label, exact: true }).waitFor();
    }

    // The session cookie is invisible to page scripts and nothing is kept in storage; page
    // scripts see only the company's sign-in name (a plain, non-secret cookie for the login form).
    if (!browser) throw new Error('no browser');
    const cookies = await browser.context.cookies(url);
    expect(cookies.length).toBeGreaterThan(0);
    const session = cookies.find((cookie) => cookie.name === '__Host-aegira_session');
    expect(session).toMatchObject({ httpOnly: true, secure: true, path: '/' });
    expect(cookies.filter((cookie) => !cookie.httpOnly).map((cookie) => cookie.name)).toEqual([
      'aegira_company',
    ]);
    expect(await page.evaluate(() => document.cookie)).toMatch(/^aegira_company=[a-z0-9-]+$/);
    expect(await page.evaluate(() => window.localStorage.length)).toBe(0);

    // When they log out, they are back on the login page.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    // When they log in again (the company already filled in), they see the same shell.
    expect(await page.getByLabel('Company').inputValue()).not.toBe('');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectShell(page, companyName, 'Ada');

    // And a reload keeps them signed in (the cookie, not page state, holds the session).
    await page.reload();
    await expectShell(page, companyName, 'Ada');
    expect(browser.pageErrors).toEqual([]);
  });

  it("opens the login form from a company's sign-in link, which Settings shows", async () => {
    const { page, url } = setup();
    if (!server || !browser) throw new Error('no server');
    const unique = randomUUID().slice(0, 8);
    const email = `link.${unique}@e2e.aegira.test`;
    const password = 'correct horse battery staple';
    const { user } = await new TestClient(server.deps, '203.0.113.40').api.auth.signUp({
      company: { name: `Link Works ${unique}`, timezone: 'Europe/Berlin' },
      admin: { firstName: 'Lin', lastName: 'Kadmin', email, password },
    });
    await browser.context.clearCookies();
    // A new browser opens the link: the login form, the company already filled in.
    await page.goto(new URL(`/c/${user.company.slug}`, url).toString());
    const company = page.getByLabel('Company');
    await company.waitFor();
    expect(await company.inputValue()).toBe(user.company.slug);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectShell(page, `Link Works ${unique}`, 'Lin');
    // The admin finds the link to share under Settings.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.getByRole('heading', { name: 'Sign-in link' }).waitFor();
    await page.getByRole('link', { name: `${url}/c/${user.company.slug}` }).waitFor();
    expect(browser.pageErrors).toEqual([]);
  });

  it('explains a failed login, and sign-up errors from browser and server beside their fields', async () => {
    const { page, url } = setup();
    // Start signed out, whatever an earlier test left in this browser.
    await browser?.context.clearCookies();
    await page.goto(new URL('/login', url).toString());
    await page.getByLabel('Company').fill('no-such-company');
    await page.getByLabel('Email').fill(`nobody.${randomUUID().slice(0, 8)}@e2e.aegira.test`);
    await page.getByLabel('Password').fill('not the right password');
    await page.getByRole('button', { name: 'Log in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.trim().length).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Create a company account' }).click();
    await page.getByLabel('Password', { exact: true }).fill('long enough password');
    await page.getByLabel('Confirm password').fill('a different password');
    await page.getByRole('button', { name: 'Create company' }).click();
    const confirm = page.getByLabel('Confirm password');
    expect(await confirm.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('The passwords do not match.').waitFor();
    // Focus moves to the first invalid field so keyboard users can fix it.
    const companyName = page.getByLabel('Company name');
    expect(await companyName.evaluate((el) => el === document.activeElement)).toBe(true);

    // A rule only the server checks (name length) comes back beside its field too.
    await companyName.fill('x'.repeat(121));
    await page.getByLabel('First name').fill('Grace');
    await page.getByLabel('Last name').fill('Hopper');
    await page.getByLabel('Email').fill(`grace.${randomUUID().slice(0, 8)}@e2e.aegira.test`);
    await page.getByLabel('Confirm password').fill('long enough password');
    await page.getByRole('button', { name: 'Create company' }).click();
    await page.getByText('Please correct the highlighted fields.').waitFor();
    expect(await companyName.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await companyName.getAttribute('aria-describedby')) ?? '';
    const fieldError = await page.locator(`[id="${describedBy}"]`).textContent();
    expect(fieldError).toMatch(/120 characters/);
    expect(await companyName.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
