import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type AccessibilityScanner, watchAccessibility } from './accessibility-scan.ts';

/** The system Chromium (apt); playwright-core downloads no browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type TestBrowser = {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, to explain a failing step. */
  pageErrors: string[];
  /** axe-core scans of every page shown (accessibility-scan.ts); e2e-setup.ts checks them. */
  accessibility: AccessibilityScanner;
  close: () => Promise<void>;
};

/** A headless Chromium with a fresh profile, so no cookie or storage leaks between runs. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM_PATH}. On Debian/Ubuntu: apt-get install chromium (.ci/run does this).`,
    );
  }
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'aegira-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  const accessibility = watchAccessibility(page);
  return {
    context,
    page,
    pageErrors,
    accessibility,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
