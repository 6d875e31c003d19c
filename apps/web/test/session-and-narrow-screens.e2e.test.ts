import { describe, expect, it } from 'vitest';
import { TestClient } from '../../api/test-support/api-harness.ts';
import { leadWithWorkers, PERSON_PASSWORD, workerOnTeam } from './check-in-fixtures.ts';
import { companyOfAccount, logInAs, useServerAndBrowser } from './e2e-setup.ts';

// Issue 17 defects: a page whose session ended under it, and the layout at 390 px.

const setup = useServerAndBrowser();

describe('a session that ends under an open page', () => {
  it('sends a deactivated worker from their open page to the login page, saying why', async () => {
    const { page, server } = setup();
    const company = await leadWithWorkers(server, ['Wanda']);
    const worker = company.workers[0];
    if (!worker) throw new Error('no worker');
    await logInAs(page, server.url, worker.email, PERSON_PASSWORD);
    await page.getByRole('heading', { name: 'Your figures' }).waitFor();

    // While her page is open, the admin deactivates her.
    const admin = new TestClient(server.deps);
    await admin.api.auth.login({
      company: await companyOfAccount(server.url, company.adminEmail),
      email: company.adminEmail,
      password: PERSON_PASSWORD,
    });
    await admin.api.people.deactivate({ personId: worker.id, reason: 'Left the company' });

    // Her next read is refused (401): the page gives way to the login page, which says why.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'History' })
      .click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByRole('status').filter({ hasText: 'Your session has ended' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);

    // A new login clears the message.
    await logInAs(page, server.url, company.adminEmail, PERSON_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.goto(new URL('/login', server.url).toString());
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });
});

describe('at 390 px', () => {
  it('keeps the header on one row, hints that the nav scrolls, and never clips its focus outline', async () => {
    const { page, server } = setup();
    const company = await leadWithWorkers(server, []);
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await logInAs(page, server.url, company.adminEmail, PERSON_PASSWORD);
      const header = await page.getByRole('banner').boundingBox();
      expect(header?.height ?? 0).toBeLessThan(80);
      // The profile link keeps its full name for screen readers, initials on screen.
      await page.getByRole('link', { name: /Your profile: Ada Admin/ }).waitFor();

      // The admin's nine items scroll sideways, with a fade at the edge saying so.
      const nav = page.getByRole('navigation', { name: 'Main' });
      const list = nav.getByRole('list');
      const scroll = await list.evaluate((el) => ({
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
      }));
      expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);
      const fade = await nav.evaluate((el) => {
        const style = getComputedStyle(el, '::after');
        return { content: style.content, image: style.backgroundImage };
      });
      expect(fade.content).not.toBe('none');
      expect(fade.image).toContain('gradient');

      // Keyboard focus on the first item: its outline (2 px) lies inside the scrolling box.
      await page.getByRole('link', { name: 'Skip to content' }).focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      let focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      for (let step = 0; step < 6 && focused !== 'Home'; step += 1) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      }
      expect(focused).toBe('Home');
      const inside = await list.evaluate((el) => {
        const link = el.querySelector('a');
        if (!link) return false;
        const box = el.getBoundingClientRect();
        const item = link.getBoundingClientRect();
        const outline = 2;
        return (
          item.top - outline >= box.top &&
          item.left - outline >= box.left &&
          item.bottom + outline <= box.bottom
        );
      });
      expect(inside).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("keeps a focused slider's hint clear of the sticky readiness preview", async () => {
    const { page, server } = setup();
    const worker = await workerOnTeam(server);
    await page.setViewportSize({ width: 390, height: 700 });
    try {
      await logInAs(page, server.url, worker.email, PERSON_PASSWORD);
      await page.goto(new URL('/check-in', server.url).toString());
      const sliders = page.getByRole('slider');
      await sliders.first().waitFor();
      const count = await sliders.count();
      for (let index = 0; index < count; index += 1) {
        const slider = sliders.nth(index);
        // The slider itself just inside the bottom of the screen, its hint below it: where
        // Tab lands without scrolling unless the slider asks for room below.
        await slider.evaluate((input) => {
          const box = input.getBoundingClientRect();
          window.scrollBy(0, box.bottom - (window.innerHeight - 10));
        });
        await slider.focus();
        const clear = await slider.evaluate((input) => {
          const hintId = input.getAttribute('aria-describedby')?.split(' ')[0];
          const hint = hintId ? document.getElementById(hintId) : null;
          const bar = [...document.querySelectorAll('div[aria-hidden="true"]')].find((el) =>
            el.textContent?.includes('Readiness preview'),
          );
          if (!hint || !bar) return 'missing';
          return hint.getBoundingClientRect().bottom <= bar.getBoundingClientRect().top
            ? 'clear'
            : 'covered';
        });
        expect(clear).toBe('clear');
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
