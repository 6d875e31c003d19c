import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { leadWithWorkers, PERSON_PASSWORD } from './check-in-fixtures.ts';
import { logInAs, useServerAndBrowser } from './e2e-setup.ts';

// The built web app under the server's real Content-Security-Policy (helmet, see
// apps/api/src/http/security-headers.ts): every page each role can reach, plus the public
// ones and the "new" forms, loads without a single CSP violation.

const setup = useServerAndBrowser();

type Violation = { directive: string; blocked: string; page: string };

/** Violations reported by the page itself (securitypolicyviolation events), kept across navigations. */
async function watchViolations(page: Page): Promise<() => Promise<Violation[]>> {
  const seen: Violation[] = [];
  await page.exposeFunction('__reportCspViolation', (violation: Violation) => {
    seen.push(violation);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (v: unknown) => void })
        .__reportCspViolation;
      report({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        page: location.pathname + location.search,
      });
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      seen.push({ directive: 'console', blocked: message.text(), page: page.url() });
    }
  });
  return async () => seen;
}

/** Every link of the main navigation, as paths. */
async function navPaths(page: Page): Promise<string[]> {
  const hrefs = await page
    .getByRole('navigation', { name: 'Main' })
    .locator('a[href]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((href) => href.startsWith('/')))];
}

async function visit(page: Page, base: string, path: string): Promise<void> {
  await page.goto(new URL(path, base).toString());
  await page.waitForLoadState('networkidle');
}

describe('Content-Security-Policy', () => {
  it('is sent with the app shell and no page of any role violates it', async () => {
    const { page, server } = setup();
    const violations = await watchViolations(page);
    const shell = await fetch(new URL('/login', server.url));
    expect(shell.headers.get('content-security-policy')).toContain("script-src 'self'");

    const company = await leadWithWorkers(server, ['Wanda']);
    const worker = company.workers[0];
    if (!worker) throw new Error('no worker');
    const visited: string[] = [];
    await page.context().clearCookies();
    for (const path of ['/login', '/sign-up', '/no-such-page']) {
      await visit(page, server.url, path);
      visited.push(path);
    }
    for (const email of [company.adminEmail, company.lead.email, worker.email]) {
      await logInAs(page, server.url, email, PERSON_PASSWORD);
      const paths = await navPaths(page);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        await visit(page, server.url, path);
        visited.push(path);
      }
    }
    // The forms behind "new" (admin areas keep sub-views in the query string).
    await logInAs(page, server.url, company.adminEmail, PERSON_PASSWORD);
    for (const path of ['/people?view=new', '/teams?view=new']) {
      await visit(page, server.url, path);
      visited.push(path);
    }
    expect(visited.length).toBeGreaterThan(8);
    expect(await violations()).toEqual([]);
  }, 120_000);
});
