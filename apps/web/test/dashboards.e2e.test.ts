import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { toLocalTime } from '@aegira/domain';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import {
  type SeededCompany,
  seedCompany,
  seedHistory,
} from '../../../packages/db/src/seed/index.ts';
import { hashPassword } from '../../api/src/auth/password.ts';
import { createPerson } from '../../api/src/services/person-writes.ts';
import { PERSON_PASSWORD } from './check-in-fixtures.ts';
import { logInAs, useServerAndBrowser } from './e2e-setup.ts';

// Each role's dashboard over a company with 40 days of history (seeded through the write
// path, dated by an injected clock, as the demo company is): figures, charts with their
// tables, drill-downs and CSV links. Screenshots go to test/artifacts (not committed).

const setup = useServerAndBrowser();
const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');
const TIME_ZONE = 'Europe/Berlin';
const HISTORY_DAYS = 40;

function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

let company: SeededCompany;
let domain: string;
let whsEmail: string;

beforeAll(async () => {
  const { server } = setup();
  const today = toLocalTime(new Date(), TIME_ZONE).date;
  const start = addDays(today, -HISTORY_DAYS);
  const passwordHash = await hashPassword(PERSON_PASSWORD);
  company = await seedCompany(server.deps.db, {
    workers: 6,
    teamSize: { min: 3, max: 3 },
    schedule: { windowStart: '06:00', windowEnd: '18:00', workDays: [1, 2, 3, 4, 5, 6, 7] },
    assignedOn: start,
    at: new Date(Date.now() - (HISTORY_DAYS + 1) * 86_400_000),
    timezone: TIME_ZONE,
    name: 'Dashboard Works',
    passwordHash,
  });
  domain = company.adminEmail.slice('admin@'.length);
  await seedHistory(server.deps.db, company, {
    from: addDays(start, 1),
    to: addDays(today, -1),
    missRate: 0.1,
    lateRate: 0.1,
  });
  whsEmail = `whs@${domain}`;
  await createPerson(
    server.deps.db,
    { companyId: company.companyId, actorId: company.adminId },
    {
      id: randomUUID(),
      email: whsEmail,
      firstName: 'Wes',
      lastName: 'Safety',
      role: 'WHS',
      passwordHash,
      teamId: null,
      teamAssignedOn: null,
    },
  );
  await mkdir(ARTIFACTS, { recursive: true });
}, 120_000);

// A failing step leaves a picture of what the page showed instead.
beforeEach((context) => {
  onTestFailed(async () => {
    const { page } = setup();
    await screenshot(page, `failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
});

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A chart's figure: its picture drawn by recharts, and its table behind the disclosure. */
async function expectChartWithTable(page: Page, title: string): Promise<void> {
  const figure = page.getByRole('figure', { name: title }).first();
  await figure.locator('svg.recharts-surface').first().waitFor();
  await figure.getByText('Show the data as a table').click();
  await figure.getByRole('table').waitFor();
  expect(await figure.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
}

/** The value of one figure in a list of figures (its first <dd>). */
function statValue(page: Page, list: string, label: string) {
  return page
    .locator(`dl[aria-label="${list}"] > div`)
    .filter({ has: page.locator('dt', { hasText: label }) })
    .locator('dd')
    .first();
}

describe('dashboards for every role, over a company with history', () => {
  it('shows a worker their streak, averages, week and 7-day trend, also at 390 px', async () => {
    const { page, server } = setup();
    await logInAs(page, server.url, `worker1@${domain}`, PERSON_PASSWORD);
    await page.getByRole('heading', { name: 'Your figures' }).waitFor();
    await page.getByText(`Dates are company dates, in ${TIME_ZONE}.`).first().waitFor();
    const average = await statValue(page, 'Your figures', '30-day average').textContent();
    // 40 days of history with 90 % attendance: there is an average, not a dash.
    expect(average).toMatch(/^\d+(\.\d)?$/);
    expect(await statValue(page, 'Your figures', 'Streak').textContent()).toMatch(/^\d+ days?$/);
    await expectChartWithTable(page, 'The last 7 days');
    const rows = page.getByRole('figure', { name: 'The last 7 days' }).getByRole('row');
    expect(await rows.count()).toBe(8);
    await screenshot(page, 'worker-home');

    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await page.getByRole('heading', { name: 'Your figures' }).waitFor();
      // One header row at 390 px: no wrapping.
      const header = await page.getByRole('banner').boundingBox();
      expect(header?.height ?? 0).toBeLessThan(80);
      // Nothing wider than the screen.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'worker-home-390px');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("shows a team lead the team's figures, analytics over 7/30/90 days and a member's history", async () => {
    const { page, server } = setup();
    const team = company.teams[0];
    if (!team) throw new Error('seeded without teams');
    await logInAs(page, server.url, `lead1@${domain}`, PERSON_PASSWORD);
    await page.getByRole('heading', { name: `${team.name} today` }).waitFor();
    expect(await statValue(page, `${team.name} today`, 'Expected').textContent()).toBe('3');
    await page.getByRole('heading', { name: 'Readiness levels today' }).waitFor();
    await screenshot(page, 'lead-home');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Analytics' })
      .click();
    await page.getByRole('heading', { name: 'The last 30 days' }).waitFor();
    await expectChartWithTable(page, 'Readiness trend');
    await expectChartWithTable(page, 'Compliance');
    await page.getByText('Best day').waitFor();
    await page.getByText('Worst day').waitFor();
    const csv = page.getByRole('link', { name: /Export CSV/ });
    expect(await csv.getAttribute('href')).toBe(
      `/api/export/team-analytics.csv?teamId=${team.id}&days=30`,
    );
    await screenshot(page, 'lead-analytics-30');

    await page
      .getByRole('navigation', { name: 'Period' })
      .getByRole('link', { name: '90 days' })
      .click();
    await page.getByRole('heading', { name: 'The last 90 days' }).waitFor();
    // Never before the team existed: 40 days of history and today, not 90.
    const range = await page.getByText(/\(\d+ days\)/).textContent();
    expect(range).toMatch(/\((41|42) days\)/);

    // A member's page: every factor score per day, with a CSV export of the period.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My team' })
      .click();
    const roster = page.getByRole('table').first();
    await roster.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Readiness history' }).waitFor();
    const history = page.getByRole('table', { name: /every day/ });
    await history.waitFor();
    for (const column of ['Readiness', 'Hours', 'Sleep', 'Stress', 'Physical', 'Pain']) {
      await history.getByRole('columnheader', { name: column, exact: true }).waitFor();
    }
    expect(await history.getByRole('row').count()).toBeGreaterThanOrEqual(30);
    expect(await page.getByRole('link', { name: /Export CSV/ }).getAttribute('href')).toMatch(
      /^\/api\/export\/worker-history\.csv\?personId=[0-9a-f-]{36}&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
    );
    await screenshot(page, 'lead-member-history');
  });

  it('shows a supervisor the totals and one row per team, drilling down to a team', async () => {
    const { page, server } = setup();
    await logInAs(page, server.url, `supervisor1@${domain}`, PERSON_PASSWORD);
    const table = page.getByRole('table', { name: /one row per team/ });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(1 + company.teams.length);
    await screenshot(page, 'supervisor-home');
    const second = company.teams[1];
    if (!second) throw new Error('seeded with one team');
    await table.getByRole('link', { name: second.name }).click();
    await page.getByRole('heading', { name: `${second.name} today` }).waitFor();
    await expectChartWithTable(page, 'Readiness trend');
  });

  it('shows an admin the workforce overview with links to act, and company analytics', async () => {
    const { page, server } = setup();
    await logInAs(page, server.url, company.adminEmail, PERSON_PASSWORD);
    await page.getByRole('heading', { name: 'Workforce overview' }).waitFor();
    // The admin, a supervisor, two leads, six workers and the WHS officer.
    expect(await statValue(page, 'Workforce overview', 'Active people').textContent()).toBe('11');
    await page.getByRole('link', { name: 'Manage people' }).waitFor();
    await screenshot(page, 'admin-home');
    await page.getByRole('link', { name: 'Company analytics' }).click();
    await page.getByRole('heading', { name: 'All teams, the last 30 days' }).waitFor();
    await page.getByRole('table', { name: /Each team over the last 30 days/ }).waitFor();
    await expectChartWithTable(page, 'Compliance');
    expect(await page.getByRole('link', { name: /Export CSV/ }).getAttribute('href')).toBe(
      '/api/export/company-analytics.csv?days=30',
    );
    await screenshot(page, 'admin-analytics');
  });

  it("lets a WHS officer read every team's figures and analytics", async () => {
    const { page, server } = setup();
    await logInAs(page, server.url, whsEmail, PERSON_PASSWORD);
    const table = page.getByRole('table', { name: /Every team today/ });
    await table.waitFor();
    const first = company.teams[0];
    if (!first) throw new Error('seeded without teams');
    await table.getByRole('link', { name: first.name }).click();
    await page.getByRole('heading', { name: 'The last 30 days' }).waitFor();
    await expectChartWithTable(page, 'Readiness trend');
    await screenshot(page, 'whs-team-analytics');
  });
});
