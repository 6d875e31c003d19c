import type { AddressInfo } from 'node:net';
import cookieParser from 'cookie-parser';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { AUDIT_LOG_CSV_PATH, auditLogCsvRoute } from '../src/http/audit-log-csv.ts';
import { type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { companyFixture, personFixture, teamFixture } from '../test-support/fixtures.ts';

let api: TestApi;
useTestApi((ready) => {
  ({ api } = ready);
});

describe('GET /api/audit-log.csv', () => {
  let base: string;
  // The same route with pages of 10 rows, so a short log still takes several pages.
  let pagedBase: string;
  const closers: (() => Promise<void>)[] = [];
  async function listen(app: express.Express): Promise<string> {
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  beforeAll(async () => {
    base = await listen(createApp({ deps: api.deps, allowedOrigins: [] }));
    pagedBase = await listen(
      express().use(cookieParser(), auditLogCsvRoute(api.deps, { pageSize: 10 })),
    );
  });
  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
  });

  const download = (
    token: string | null,
    query = '',
    headers: Record<string, string> = {},
    from = base,
  ) =>
    fetch(`${from}${AUDIT_LOG_CSV_PATH}${query}`, {
      headers: { ...headers, ...(token ? { cookie: `__Host-aegira_session=${token}` } : {}) },
    });

  it('streams the filtered log as CSV, newest first, every page, formula cells neutralised', async () => {
    const company = await companyFixture(api);
    // An actor name a spreadsheet would run as a formula.
    await company.admin.api.profile.update({ firstName: '=HYPERLINK("x")' });
    // Three pages of 10 and a part.
    for (let index = 0; index < 32; index += 1) await teamFixture(api, company);

    const response = await download(company.admin.token, '?action=TEAM_CREATED', {}, pagedBase);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await response.text()).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const [header, ...rows] = lines.slice(0, -1);
    expect(header).toBe('Time (UTC),Action,Entity type,Entity id,Actor,Actor id,Details,Event id');
    // Only TEAM_CREATED rows (the people the fixtures created are left out), every one once.
    expect(rows).toHaveLength(32);
    expect(new Set(rows.map((row) => row.split(',')[3])).size).toBe(32);
    for (const row of rows) expect(row).toMatch(/^\d{4}-\d{2}-\d{2}T[^,]+Z,TEAM_CREATED,team,/);
    const times = rows.map((row) => row.slice(0, row.indexOf(',')));
    expect([...times].sort().reverse()).toEqual(times);
    // The actor's name starts with "=": prefixed with a quote, then CSV-quoted for its quotes.
    expect(rows[0]).toContain(`,"'=HYPERLINK(""x"") `);
    expect(rows.join('\n')).not.toMatch(/,=HYPERLINK/);
  });

  it('is served by the app itself', async () => {
    const company = await companyFixture(api);
    const response = await download(company.admin.token);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/\r\n\d{4}-[^,]+,COMPANY_CREATED,company,/);
  });

  it('refuses anyone but an admin in a browser session, and a bad filter by name', async () => {
    const company = await companyFixture(api);
    const whs = await personFixture(api, company, 'WHS');
    expect((await download(null)).status).toBe(401);
    expect((await download('not-a-token')).status).toBe(401);
    expect((await download(whs.client.token)).status).toBe(403);
    expect((await download(company.admin.token, '', { authorization: 'Bearer x' })).status).toBe(
      401,
    );
    const bad = await download(company.admin.token, '?actorId=nobody&action=NOT_AN_ACTION');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(['action', 'actorId']);
  });
});
