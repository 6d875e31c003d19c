import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { companyFixture, personFixture, teamFixture } from '../test-support/fixtures.ts';
import { writesOf } from '../test-support/writes.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

describe('holidays.create', () => {
  it('stores a one-off and a recurring holiday, each with one event and one audit row', async () => {
    const company = await companyFixture(api);
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      company.admin.api.holidays.create({
        date: '2026-12-25',
        name: ' Christmas ',
        recurring: true,
      }),
    );
    expect(result).toMatchObject({
      date: '2026-12-25',
      name: 'Christmas',
      recurring: true,
      isActive: true,
    });
    expect(events).toMatchObject([
      {
        type: 'HOLIDAY_CREATED',
        entity_id: result.id,
        actor_id: company.adminId,
        payload: { id: result.id, date: '2026-12-25', name: 'Christmas', recurring: true },
      },
    ]);
    expect(audits).toMatchObject([
      { action: 'HOLIDAY_CREATED', entity_id: result.id, actor_id: company.adminId },
    ]);
    const oneOff = await company.admin.api.holidays.create({ date: '2026-06-01', name: 'Outing' });
    expect(oneOff.recurring).toBe(false);
  });

  it('refuses a second active holiday on the same day with CONFLICT on date, writing nothing', async () => {
    const company = await companyFixture(api);
    await company.admin.api.holidays.create({ date: '2026-05-01', name: 'Labour Day' });
    await company.admin.api.holidays.create({ date: '2020-10-03', name: 'Unity', recurring: true });
    for (const clash of [
      { date: '2026-05-01', name: 'Again', recurring: false },
      { date: '2026-05-01', name: 'Yearly', recurring: true },
      { date: '2031-10-03', name: 'Unity again', recurring: true },
    ]) {
      const { result, events, audits } = await writesOf(owner, company.companyId, () =>
        failureOf(company.admin.api.holidays.create(clash)),
      );
      expect(result.code, clash.name).toBe('CONFLICT');
      expect(result.fieldErrors?.date?.join(' ')).toMatch(/is already a holiday on/);
      expect(events).toEqual([]);
      expect(audits).toEqual([]);
    }
    // Another company may use the same date.
    const other = await companyFixture(api);
    await other.admin.api.holidays.create({ date: '2026-05-01', name: 'Labour Day' });
  });

  it('validates the date and name, and is for admins only', async () => {
    const company = await companyFixture(api);
    const bad = await failureOf(
      company.admin.api.holidays.create({ date: '2026-02-30', name: '' }),
    );
    expect(bad.fieldErrors?.date?.join(' ')).toMatch(/calendar date as YYYY-MM-DD/);
    expect(bad.fieldErrors?.name).toEqual(['is required']);
    for (const role of ['WHS', 'SUPERVISOR', 'TEAM_LEAD', 'WORKER'] as const) {
      const person = await personFixture(api, company, role);
      const failure = await failureOf(
        person.client.api.holidays.create({ date: '2026-08-08', name: 'Mine' }),
      );
      expect(failure.code, role).toBe('FORBIDDEN');
    }
  });

  it('makes the day a holiday for check-ins', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    api.deps.now = () => new Date('2026-11-26T08:00:00+01:00');
    try {
      await company.admin.api.holidays.create({ date: '2026-11-26', name: 'Founders Day' });
      const status = await worker.client.api.checkIn.status();
      expect(status).toMatchObject({ status: 'holiday', holidayName: 'Founders Day' });
    } finally {
      delete api.deps.now;
    }
  });
});

describe('holidays.list', () => {
  it('lists active holidays for everyone in the company, optionally by year or with inactive ones', async () => {
    const company = await companyFixture(api);
    const christmas = await company.admin.api.holidays.create({
      date: '2024-12-25',
      name: 'Christmas',
      recurring: true,
    });
    const leap = await company.admin.api.holidays.create({
      date: '2024-02-29',
      name: 'Leap',
      recurring: true,
    });
    const outing = await company.admin.api.holidays.create({ date: '2026-06-01', name: 'Outing' });
    const old = await company.admin.api.holidays.create({ date: '2025-03-03', name: 'Old' });
    const gone = await company.admin.api.holidays.create({ date: '2026-07-07', name: 'Gone' });
    await company.admin.api.holidays.deactivate({ holidayId: gone.id });

    const worker = await personFixture(api, company, 'WORKER');
    const all = await worker.client.api.holidays.list();
    expect(all.items.map((item) => item.name)).toEqual(['Leap', 'Christmas', 'Old', 'Outing']);
    const in2026 = await worker.client.api.holidays.list({ year: 2026 });
    // Calendar order within the year; a recurring 29 February only in leap years.
    expect(in2026.items.map((item) => item.id)).toEqual([outing.id, christmas.id]);
    const in2028 = await worker.client.api.holidays.list({ year: 2028 });
    expect(in2028.items.map((item) => item.id)).toEqual([leap.id, christmas.id]);
    const withInactive = await company.admin.api.holidays.list({ includeInactive: true });
    expect(withInactive.items.find((item) => item.id === gone.id)?.isActive).toBe(false);
    expect(withInactive.items.map((item) => item.id)).toContain(old.id);

    const other = await companyFixture(api);
    expect((await other.admin.api.holidays.list()).items).toEqual([]);
  });
});

describe('holidays.update', () => {
  it('records only changed fields with an audit row; an unchanged request writes nothing', async () => {
    const company = await companyFixture(api);
    const holiday = await company.admin.api.holidays.create({ date: '2026-09-09', name: 'Nine' });
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      company.admin.api.holidays.update({
        holidayId: holiday.id,
        name: 'Nine',
        date: '2026-09-10',
        recurring: true,
      }),
    );
    expect(result).toMatchObject({ date: '2026-09-10', name: 'Nine', recurring: true });
    expect(events).toMatchObject([
      {
        type: 'HOLIDAY_UPDATED',
        payload: { id: holiday.id, changes: { date: '2026-09-10', recurring: true } },
      },
    ]);
    expect(audits).toMatchObject([{ action: 'HOLIDAY_UPDATED', entity_id: holiday.id }]);

    const unchanged = await writesOf(owner, company.companyId, () =>
      company.admin.api.holidays.update({ holidayId: holiday.id, name: 'Nine' }),
    );
    expect(unchanged.events).toEqual([]);
    expect(unchanged.audits).toEqual([]);
  });

  it('refuses a date another active holiday has, and NOT_FOUND for another company’s', async () => {
    const company = await companyFixture(api);
    await company.admin.api.holidays.create({ date: '2026-04-04', name: 'Taken' });
    const mine = await company.admin.api.holidays.create({ date: '2026-04-05', name: 'Mine' });
    const { result, events } = await writesOf(owner, company.companyId, () =>
      failureOf(company.admin.api.holidays.update({ holidayId: mine.id, date: '2026-04-04' })),
    );
    expect(result.code).toBe('CONFLICT');
    expect(result.fieldErrors?.date?.join(' ')).toMatch(/"Taken" is already a holiday/);
    expect(events).toEqual([]);

    const other = await companyFixture(api);
    const failure = await failureOf(
      other.admin.api.holidays.update({ holidayId: mine.id, name: 'Stolen' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
  });
});

describe('holidays.deactivate', () => {
  it('deactivates with one event and an audit row, keeps the row, and frees the date', async () => {
    const company = await companyFixture(api);
    const holiday = await company.admin.api.holidays.create({ date: '2026-03-03', name: 'Three' });
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      company.admin.api.holidays.deactivate({ holidayId: holiday.id }),
    );
    expect(result).toMatchObject({ id: holiday.id, isActive: false });
    expect(events.map((event) => event.type)).toEqual(['HOLIDAY_DEACTIVATED']);
    expect(audits).toMatchObject([
      { action: 'HOLIDAY_DEACTIVATED', entity_id: holiday.id, actor_id: company.adminId },
    ]);
    const row = await owner.query('SELECT is_active FROM holidays WHERE id = $1', [holiday.id]);
    expect(row.rows).toEqual([{ is_active: false }]);

    for (const call of [
      () => company.admin.api.holidays.deactivate({ holidayId: holiday.id }),
      () => company.admin.api.holidays.update({ holidayId: holiday.id, name: 'Back' }),
    ]) {
      const failed = await writesOf(owner, company.companyId, () => failureOf(call()));
      expect(failed.result.code).toBe('CONFLICT');
      expect(failed.events).toEqual([]);
    }
    // The day is free for a new holiday.
    await company.admin.api.holidays.create({ date: '2026-03-03', name: 'Three again' });

    const worker = await personFixture(api, company, 'WORKER');
    const forbidden = await failureOf(
      worker.client.api.holidays.deactivate({ holidayId: holiday.id }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
  });
});
