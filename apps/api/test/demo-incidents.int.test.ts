import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { seedDemoIncidents } from '../src/seed/demo-incidents.ts';
import { type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { companyFixture, personFixture, teamFixture } from '../test-support/fixtures.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

describe('demo incidents', () => {
  it('seeds reports in every state through the services: pending, rejected, cases open, investigating, closed', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const whs = await personFixture(api, company, 'WHS');
    const workers = [];
    for (let number = 1; number <= 7; number += 1) {
      const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
      workers.push({ id: worker.id, number });
    }
    await seedDemoIncidents(
      { db: api.db },
      { companyId: company.companyId, whsId: whs.id, workers },
      new Date('2026-11-27T12:00:00.000Z'),
    );
    const incidents = await owner.query<{ number: number; status: string }>(
      'SELECT number, status FROM incidents WHERE company_id = $1 ORDER BY number',
      [company.companyId],
    );
    expect(incidents.rows).toEqual([
      { number: 1, status: 'APPROVED' },
      { number: 2, status: 'REJECTED' },
      { number: 3, status: 'APPROVED' },
      { number: 4, status: 'APPROVED' },
      { number: 5, status: 'PENDING' },
    ]);
    const cases = await owner.query<{ number: number; status: string }>(
      'SELECT number, status FROM cases WHERE company_id = $1 ORDER BY number',
      [company.companyId],
    );
    expect(cases.rows).toEqual([
      { number: 1, status: 'CLOSED' },
      { number: 2, status: 'INVESTIGATING' },
      { number: 3, status: 'OPEN' },
    ]);
    const officer = await whs.client.api.incidents.list({});
    expect(officer.counts).toEqual({ PENDING: 1, APPROVED: 3, REJECTED: 1 });
  });
});
