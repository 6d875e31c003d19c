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

describe('company.get', () => {
  it('shows every role its own company’s name, slug and timezone', async () => {
    const company = await companyFixture(api, 'America/Chicago');
    const other = await companyFixture(api);
    for (const role of ['WHS', 'SUPERVISOR', 'TEAM_LEAD', 'WORKER'] as const) {
      const person = await personFixture(api, company, role);
      expect(await person.client.api.company.get()).toEqual({
        id: company.companyId,
        name: expect.any(String),
        slug: expect.any(String),
        timezone: 'America/Chicago',
      });
    }
    expect((await other.admin.api.company.get()).id).toBe(other.companyId);
  });
});

describe('company.updateSettings', () => {
  it('records the changed settings with COMPANY_UPDATED and the previous values in the audit row', async () => {
    const company = await companyFixture(api, 'Europe/Berlin');
    const before = await company.admin.api.company.get();
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      company.admin.api.company.updateSettings({
        name: '  Renamed Freight  ',
        timezone: 'europe/paris',
      }),
    );
    // The slug stays; the zone is stored in its canonical spelling.
    expect(result).toEqual({
      id: company.companyId,
      name: 'Renamed Freight',
      slug: before.slug,
      timezone: 'Europe/Paris',
    });
    expect(events).toMatchObject([
      {
        type: 'COMPANY_UPDATED',
        entity_type: 'company',
        entity_id: company.companyId,
        actor_id: company.adminId,
        payload: {
          id: company.companyId,
          changes: { name: 'Renamed Freight', timezone: 'Europe/Paris' },
        },
      },
    ]);
    expect(audits).toMatchObject([
      {
        action: 'COMPANY_SETTINGS_UPDATED',
        entity_id: company.companyId,
        actor_id: company.adminId,
        event_id: events[0]?.id,
        details: {
          changes: { name: 'Renamed Freight', timezone: 'Europe/Paris' },
          previous: { name: before.name, timezone: 'Europe/Berlin' },
        },
      },
    ]);
    // Sessions read the new settings.
    expect((await company.admin.api.auth.me()).user?.company).toMatchObject({
      name: 'Renamed Freight',
      timezone: 'Europe/Paris',
    });
  });

  it('records only what changed, and nothing for an unchanged request', async () => {
    const company = await companyFixture(api, 'Europe/Berlin');
    const current = await company.admin.api.company.get();
    const partial = await writesOf(owner, company.companyId, () =>
      company.admin.api.company.updateSettings({ name: current.name, timezone: 'Asia/Tokyo' }),
    );
    expect(partial.events[0]?.payload).toEqual({
      id: company.companyId,
      changes: { timezone: 'Asia/Tokyo' },
    });
    const unchanged = await writesOf(owner, company.companyId, () =>
      company.admin.api.company.updateSettings({ timezone: 'Asia/Tokyo' }),
    );
    expect(unchanged.result.timezone).toBe('Asia/Tokyo');
    expect(unchanged.events).toEqual([]);
    expect(unchanged.audits).toEqual([]);
  });

  it('refuses an invalid timezone or name, and a smuggled slug, writing nothing', async () => {
    const company = await companyFixture(api);
    for (const [input, field, message] of [
      [{ timezone: 'Mars/Olympus' }, 'timezone', /IANA timezone/],
      [{ timezone: '+01:00' }, 'timezone', /IANA timezone/],
      [{ name: 'x' }, 'name', /at least 2 characters/],
      [{ slug: 'mine' }, 'slug', /unknown field "slug"/],
    ] as const) {
      const { result, events } = await writesOf(owner, company.companyId, () =>
        failureOf(
          company.admin.api.company.updateSettings(
            input as Parameters<typeof company.admin.api.company.updateSettings>[0],
          ),
        ),
      );
      expect(result.code).toBe('BAD_REQUEST');
      expect(result.fieldErrors?.[field]?.join(' ')).toMatch(message);
      expect(events).toEqual([]);
    }
  });

  it('is for admins only, and changes only the caller’s company', async () => {
    const company = await companyFixture(api);
    const other = await companyFixture(api, 'UTC');
    await teamFixture(api, company);
    for (const role of ['WHS', 'SUPERVISOR', 'TEAM_LEAD', 'WORKER'] as const) {
      const person = await personFixture(api, company, role);
      const failure = await failureOf(
        person.client.api.company.updateSettings({ name: 'Taken Over' }),
      );
      expect(failure.code, role).toBe('FORBIDDEN');
    }
    await company.admin.api.company.updateSettings({ name: 'Only Mine' });
    expect((await other.admin.api.company.get()).name).not.toBe('Only Mine');
  });
});
