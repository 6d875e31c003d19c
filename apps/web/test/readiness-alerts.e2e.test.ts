import { describe, expect, it } from 'vitest';
import { apiClientFor, leadWithWorkers, PERSON_PASSWORD } from './check-in-fixtures.ts';
import { logInAs, useServerAndBrowser } from './e2e-setup.ts';

const setup = useServerAndBrowser();

/** Product requirement (issue 14): the roster shows a change within 2 s, without reloading. */
const LIVE_WITHIN_MS = 2_000;

describe('readiness alerts in the browser', () => {
  it('a lead sees a worker’s RED check-in appear live on the roster and records a countermeasure', async () => {
    const { page, server, browser } = setup();
    const { lead, team, workers } = await leadWithWorkers(server, ['Ivo']);
    const [ivo] = workers;
    if (!ivo) throw new Error('the fixture made one worker');

    await logInAs(page, server.url, lead.email, PERSON_PASSWORD);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My team' })
      .click();
    await page.getByRole('heading', { level: 1, name: team.name }).waitFor();
    const alerts = page.getByRole('region', { name: 'Alerts' });
    await alerts.getByText('No alerts', { exact: true }).waitFor();
    let loads = 0;
    page.on('load', () => {
      loads += 1;
    });

    // When Ivo checks in RED from his phone…
    const ivoApi = await apiClientFor(server, ivo.email);
    await ivoApi.api.checkIn.submit({
      hoursSlept: 3,
      sleepQuality: 1,
      stressLevel: 10,
      physicalCondition: 2,
      painLevel: 8,
      painLocation: 'lower_back',
    });
    const committed = Date.now();
    // …the lead's roster shows the open alert within 2 s, without a reload.
    const card = alerts.getByRole('article', { name: /Alert for Ivo Tester/ });
    await card.getByText('Open', { exact: true }).waitFor({ timeout: LIVE_WITHIN_MS });
    const shownAfterMs = Date.now() - committed;
    await card.getByText('RED').waitFor();
    await card.getByText('No countermeasure recorded yet.').waitFor();

    // The lead records what was done.
    await card.getByRole('button', { name: 'Record countermeasure' }).click();
    const form = card.getByRole('form', { name: 'Record a countermeasure for Ivo Tester' });
    await form.getByRole('button', { name: 'Save countermeasure' }).click();
    await form.getByText('Choose what was done.').waitFor();
    await form.getByLabel('Countermeasure').selectOption({ label: 'Sent home' });
    await form.getByLabel('Note').fill('Back pain after lifting; sent home to rest');
    await form.getByRole('button', { name: 'Save countermeasure' }).click();

    await page.getByRole('status').getByText('Sent home recorded for Ivo Tester.').waitFor();
    await card.getByText('Handled', { exact: true }).waitFor();
    const measures = card.getByRole('list', { name: 'Countermeasures' });
    await measures.getByText('Back pain after lifting; sent home to rest').waitFor();
    await measures.getByText(/Sent home/).waitFor();
    expect(loads).toBe(0);
    expect(browser.pageErrors).toEqual([]);
    console.info(`readiness alert: shown ${shownAfterMs} ms after the commit`);
  }, 60_000);
});
