import { describe, expect, it } from 'vitest';
import { PERSON_PASSWORD, workerOnTeam } from './check-in-fixtures.ts';
import { logInAs, useServerAndBrowser } from './e2e-setup.ts';

// P4 (issue 10): the first page makes its calls without the tRPC React client, which
// comes with the first lazily loaded area; a chunk that cannot load says how to recover.

const setup = useServerAndBrowser();

describe("the worker's first page", () => {
  it('shows the login page and then the home page before any lazy area has loaded', async () => {
    const { page, server } = setup();
    const worker = await workerOnTeam(server);
    const scripts: string[] = [];
    const record = (request: { url: () => string; resourceType: () => string }) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    };
    page.on('request', record);
    try {
      await page.context().clearCookies();
      await page.goto(new URL('/login', server.url).toString());
      await page.getByRole('button', { name: 'Log in' }).waitFor();
      // The login page runs on the entry script alone: no tRPC client, no other chunk.
      expect(scripts.filter((path) => path.startsWith('/assets/'))).toHaveLength(1);

      await logInAs(page, server.url, worker.email, PERSON_PASSWORD);
      // Today's card (first-page client) and the figures (a lazy area with tRPC's client)
      // read from one cache and both arrive.
      const today = page.getByRole('region', { name: 'Today’s check-in' });
      await today.getByRole('link', { name: 'Check in now' }).waitFor();
      await page.getByRole('heading', { name: 'Your figures' }).waitFor();
      expect(scripts.some((path) => /\/assets\/trpc-[\w-]+\.js$/.test(path))).toBe(true);
    } finally {
      page.off('request', record);
    }
  });

  it('offers a reload when a page’s code cannot be fetched, and the reload brings it', async () => {
    const { page, server } = setup();
    const worker = await workerOnTeam(server);
    await logInAs(page, server.url, worker.email, PERSON_PASSWORD);
    // As if a deploy had replaced the files the open page names (or the network dropped).
    await page.route('**/assets/history-page-*.js', (route) => route.abort());
    try {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'History' })
        .click();
      const alert = page.getByRole('alert').filter({ hasText: 'We could not load this page.' });
      await alert.waitFor();
      // The shell stays usable around the failed area.
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
      await page.unroute('**/assets/history-page-*.js');
      await alert.getByRole('button', { name: 'Reload to update' }).click();
      await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/history');
    } finally {
      await page.unrouteAll();
    }
  });
});
