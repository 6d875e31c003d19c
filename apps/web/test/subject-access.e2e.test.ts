import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../../api/test-support/api-harness.ts';
import { personPath } from '../src/admin/admin-paths.ts';
import { companyOfAccount, logInAs, useServerAndBrowser } from './e2e-setup.ts';

const PASSWORD = 'correct horse battery staple';
const setup = useServerAndBrowser();

describe('Admin → a person → Download personal data', () => {
  it('saves the subject-access file of the person the page shows', async () => {
    const { page, server } = setup();
    const unique = randomUUID().slice(0, 8);
    const email = `ada.${unique}@e2e.aegira.test`;
    const admin = new TestClient(server.deps);
    await admin.api.auth.signUp({
      company: { name: `Access Works ${unique}`, timezone: 'Europe/Berlin' },
      admin: { firstName: 'Ada', lastName: 'Admin', email, password: PASSWORD },
    });
    const company = await companyOfAccount(server.url, email);
    await admin.api.auth.login({ company, email, password: PASSWORD });
    const worker = await admin.api.people.create({
      email: `priya.${unique}@e2e.aegira.test`,
      firstName: 'Priya',
      lastName: 'Tester',
      // A WHS officer needs no team; what the file holds is the same for every role.
      role: 'WHS',
      password: PASSWORD,
    });

    await logInAs(page, server.url, email, PASSWORD);
    await page.goto(new URL(personPath(worker.id), server.url).toString());
    await page.getByRole('heading', { level: 1, name: 'Priya Tester' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download personal data (subject access)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^subject-access-${worker.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`),
    );
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      person: { id: string; email: string };
      events: Array<{ type: string }>;
    };
    expect(file.person).toMatchObject({ id: worker.id, email: `priya.${unique}@e2e.aegira.test` });
    expect(file.events.map((entry) => entry.type)).toContain('PERSON_CREATED');
  });
});
