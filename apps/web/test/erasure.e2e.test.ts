import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../../api/test-support/api-harness.ts';
import { personPath } from '../src/admin/admin-paths.ts';
import { companyOfAccount, logInAs, useServerAndBrowser } from './e2e-setup.ts';

const PASSWORD = 'correct horse battery staple';
const setup = useServerAndBrowser();

describe('Admin → a deactivated person → Erase health data', () => {
  it('warns that it cannot be undone, asks for a reason, then shows when it was erased', async () => {
    const { page, server } = setup();
    const unique = randomUUID().slice(0, 8);
    const email = `ada.${unique}@e2e.aegira.test`;
    const admin = new TestClient(server.deps);
    await admin.api.auth.signUp({
      company: { name: `Erasure Works ${unique}`, timezone: 'Europe/Berlin' },
      admin: { firstName: 'Ada', lastName: 'Admin', email, password: PASSWORD },
    });
    const company = await companyOfAccount(server.url, email);
    await admin.api.auth.login({ company, email, password: PASSWORD });
    const former = await admin.api.people.create({
      email: `priya.${unique}@e2e.aegira.test`,
      firstName: 'Priya',
      lastName: 'Former',
      role: 'WHS',
      password: PASSWORD,
    });
    const active = await admin.api.people.create({
      email: `sam.${unique}@e2e.aegira.test`,
      firstName: 'Sam',
      lastName: 'Active',
      role: 'WHS',
      password: PASSWORD,
    });
    await admin.api.people.deactivate({ personId: former.id, reason: 'Left the company' });

    await logInAs(page, server.url, email, PASSWORD);
    // An active person offers no erasure.
    await page.goto(new URL(personPath(active.id), server.url).toString());
    await page.getByRole('heading', { level: 1, name: 'Sam Active' }).waitFor();
    await page.getByRole('button', { name: 'Deactivate' }).waitFor();
    expect(await page.getByRole('button', { name: 'Erase health data' }).count()).toBe(0);

    await page.goto(new URL(personPath(former.id), server.url).toString());
    await page.getByRole('heading', { level: 1, name: 'Priya Former' }).waitFor();
    await page.getByRole('button', { name: 'Erase health data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Priya Former’s health data?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('This cannot be undone.');
    // A reason is required: an empty one is refused in the form.
    await dialog.getByRole('button', { name: 'Erase health data' }).click();
    await dialog.getByText('Give a reason; it is kept with the record.').waitFor();
    await dialog.getByLabel('Reason').fill('Former employee asked for erasure');
    await dialog.getByRole('button', { name: 'Erase health data' }).click();

    await page.getByText('Priya Former’s health data is erased.').waitFor();
    await page.getByText(/^Health data erased on \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    // Nothing more to erase, and an erased person cannot be reactivated.
    expect(await page.getByRole('button', { name: 'Erase health data' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Reactivate' }).count()).toBe(0);
    const person = await admin.api.people.get({ id: former.id });
    expect(person.erasedAt).not.toBeNull();
  });
});
