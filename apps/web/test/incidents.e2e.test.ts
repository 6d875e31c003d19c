import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/src/auth/password.ts';
import { createPerson } from '../../api/src/services/person-writes.ts';
import { apiClientFor, leadWithWorkers, PERSON_PASSWORD } from './check-in-fixtures.ts';
import { logInAs, useServerAndBrowser } from './e2e-setup.ts';

const setup = useServerAndBrowser();

describe('incidents in the browser', () => {
  it('a worker reports, WHS approves, investigates, notes and resolves, and the worker sees the outcome', async () => {
    const { page, server, browser } = setup();
    const { companyId, adminEmail, workers } = await leadWithWorkers(server, ['Wim']);
    const [worker] = workers;
    if (!worker) throw new Error('the fixture made one worker');
    const admin = await (await apiClientFor(server, adminEmail)).api.profile.get();
    const officerEmail = `olga.${randomUUID().slice(0, 8)}@e2e.aegira.test`;
    await createPerson(
      server.deps.db,
      { companyId, actorId: admin.id },
      {
        id: randomUUID(),
        email: officerEmail,
        firstName: 'Olga',
        lastName: 'Officer',
        role: 'WHS',
        passwordHash: await hashPassword(PERSON_PASSWORD),
        teamId: null,
        teamAssignedOn: null,
      },
    );
    const main = page.getByRole('navigation', { name: 'Main' });

    // The worker reports: an empty form says what each field needs.
    await logInAs(page, server.url, worker.email, PERSON_PASSWORD);
    await main.getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    await page.getByText('You have not reported any incidents').waitFor();
    await page.getByRole('link', { name: 'Report an incident' }).click();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('Choose what kind of incident it was.').waitFor();
    await page.getByText('Describe what happened.').waitFor();
    await page.getByLabel('Type').selectOption({ label: 'Injury' });
    await page.getByLabel('Severity').selectOption({ label: 'High' });
    await page.getByLabel('Title').fill('Cut hand on the bandsaw guard');
    await page.getByLabel('Location (optional)').fill('Workshop 2');
    await page.getByLabel('Description').fill('The guard was loose; a small cut, first aid given.');
    await page.getByLabel('People involved (optional)').selectOption({ label: 'Lena Tester' });
    await page.getByRole('button', { name: 'Send report' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^INC-\d{4}-1: Cut hand/ });
    await heading.waitFor();
    await page.getByText('Pending review').first().waitFor();
    const reference = ((await heading.textContent()) ?? '').split(':')[0] ?? '';

    // The WHS officer reviews it: approve, which opens a case assigned to her.
    await logInAs(page, server.url, officerEmail, PERSON_PASSWORD);
    await main.getByRole('link', { name: 'Incidents' }).click();
    const all = page.getByRole('region', { name: 'All reports' });
    await all.getByRole('link', { name: reference }).click();
    await page.getByRole('button', { name: 'Approve and open a case' }).click();
    await page
      .getByRole('status')
      .getByText(/approved; case CASE-\d{4}-1 opened/)
      .waitFor();
    await page.getByRole('link', { name: /^Open case CASE-/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Case CASE-\d{4}-1/ }).waitFor();

    // Investigates, adds a note, resolves with a summary.
    await page.getByLabel('Move the case to').selectOption({ label: 'Start investigating' });
    await page.getByRole('button', { name: 'Start investigating' }).click();
    await page
      .getByRole('status')
      .getByText(/is now investigating/)
      .waitFor();
    await page.getByLabel('New note').fill('Guard bolts replaced; checked the other saws.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page
      .getByRole('region', { name: 'Notes' })
      .getByText('Guard bolts replaced; checked the other saws.', { exact: true })
      .waitFor();
    await page.getByLabel('Move the case to').selectOption({ label: 'Resolve' });
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('Summarise how the case was resolved.').waitFor();
    await page.getByLabel('Resolution summary').fill('Guards are now checked every Monday.');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page
      .getByRole('status')
      .getByText(/is now resolved/)
      .waitFor();
    const readiness = page.getByRole('table', {
      name: 'Readiness in the 14 days before the incident',
    });
    await readiness.getByText('Wim Tester (reporter)').waitFor();
    await readiness.getByText('Lena Tester', { exact: true }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Note: Guard bolts replaced; checked the other saws.').waitFor();

    // Back on the list: the overview counts the resolved case, analytics show the report.
    await page.getByRole('link', { name: '← All incidents' }).click();
    const overview = page.getByRole('region', { name: 'Overview' });
    await overview.getByText('Resolved this month').waitFor();
    const analytics = page.getByRole('region', { name: 'Analytics' });
    // Each chart is drawn (recharts' lazy chunk loads) and keeps its table behind a disclosure.
    const perDay = analytics.getByRole('figure', { name: 'Reports per day by state' });
    await perDay.getByText(/^1 report from .*: 0 pending, 1 approved, 0 rejected\.$/).waitFor();
    await perDay.locator('.recharts-bar-rectangle').first().waitFor();
    const typeChart = analytics.getByRole('figure', { name: 'Reports by type' });
    await typeChart.getByText('Most reports by type: Injury (1).').waitFor();
    await typeChart.locator('.recharts-bar-rectangle').first().waitFor();
    const byType = typeChart.getByRole('table', { name: 'Reports by type' });
    expect(await byType.isVisible()).toBe(false);
    await typeChart.getByText('Show the data as a table').click();
    await byType.getByRole('row', { name: 'Injury 1' }).waitFor();

    // The worker sees the outcome.
    await logInAs(page, server.url, worker.email, PERSON_PASSWORD);
    await main.getByRole('link', { name: 'Incidents' }).click();
    const mine = page.getByRole('table', { name: 'My reports' });
    await mine.getByText(/CASE-\d{4}-1: Resolved/).waitFor();
    await mine.getByText('Approved').waitFor();
    expect(browser.pageErrors).toEqual([]);
  }, 90_000);
});
