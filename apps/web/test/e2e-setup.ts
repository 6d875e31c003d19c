import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { companyOfAccount as companySlugOf } from '../../api/test-support/company-of-account.ts';
import { startTestServer, type TestServer } from '../../api/test-support/test-server.ts';
import { describeViolations } from './accessibility-scan.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';

/**
 * The usual file set-up: the real server and a headless browser before the
 * file's tests, both closed afterwards. Returns the handles for each test.
 */
export function useServerAndBrowser(): () => {
  page: Page;
  server: TestServer;
  browser: TestBrowser;
} {
  let server: TestServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    ownerUrls.set(server.url, server.ownerUrl);
    browser = await launchBrowser();
  });
  afterEach(async () => {
    if (browser) await expectAccessiblePages(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return () => {
    if (!server || !browser) throw new Error('beforeAll did not start the server and browser');
    return { page: browser.page, server, browser };
  };
}

const ownerUrls = new Map<string, string>();

/**
 * The sign-in name of the company of `email` on the test server at `url`: every login names
 * its company, and e2e accounts' emails are unique in their database, so tests pass an email.
 */
export function companyOfAccount(url: string, email: string): Promise<string> {
  const ownerUrl = ownerUrls.get(url);
  if (!ownerUrl) throw new Error(`no test server at ${url}`);
  return companySlugOf(ownerUrl, email);
}

/** Logs in through the login page as a new visitor (no cookie of an earlier session). */
export async function logInAs(page: Page, url: string, email: string, password: string) {
  await page.context().clearCookies();
  await page.goto(new URL('/login', url).toString());
  await page.getByLabel('Company').fill(await companyOfAccount(url, email));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/**
 * Fails the test if any page it showed broke a WCAG 2.1 A/AA rule axe-core checks: scans
 * the page the test ends on, waits for the scans of every earlier one, then reports.
 */
export async function expectAccessiblePages(browser: TestBrowser): Promise<void> {
  await browser.accessibility.scanNow();
  const violations = browser.accessibility.takeViolations();
  if (violations.length > 0) {
    throw new Error(`Accessibility (axe-core, WCAG 2.1 A/AA):\n${describeViolations(violations)}`);
  }
}
