import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, failureOf, type TestApi } from '../test-support/api-harness.ts';
import { companyFixture, personFixture, teamFixture } from '../test-support/fixtures.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api?.close();
});

describe('audit.list', () => {
  it('lists the company’s administrative actions newest first, with the actor', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const page = await company.admin.api.audit.list({ limit: 100 });
    const actions = page.items.map((item) => item.action);
    expect(actions).toContain('TEAM_CREATED');
    expect(actions).toContain('COMPANY_CREATED');
    // Sign-up's two rows share a transaction (and so a timestamp); they come last.
    expect(actions.slice(-2).sort()).toEqual(['COMPANY_CREATED', 'PERSON_CREATED']);
    const teamEntry = page.items.find((item) => item.action === 'TEAM_CREATED');
    expect(teamEntry).toMatchObject({
      entityType: 'team',
      entityId: team.id,
      actor: { id: company.adminId, name: 'Ada Admin' },
    });
    // Password hashes never reach readers of the trail.
    expect(JSON.stringify(page)).not.toMatch(/\$argon2/);
  });

  it('filters by action, actor, entity and time, and pages by cursor', async () => {
    const company = await companyFixture(api);
    const lead = await personFixture(api, company, 'TEAM_LEAD');
    await personFixture(api, company, 'WORKER');
    const created = await company.admin.api.audit.list({ action: 'PERSON_CREATED', limit: 100 });
    expect(created.items.every((item) => item.action === 'PERSON_CREATED')).toBe(true);
    expect(created.items).toHaveLength(3);

    const forLead = await company.admin.api.audit.list({
      entityType: 'person',
      entityId: lead.id,
      limit: 10,
    });
    expect(forLead.items.map((item) => item.entityId)).toEqual([lead.id]);

    const byActor = await company.admin.api.audit.list({ actorId: company.adminId, limit: 100 });
    expect(byActor.items.length).toBeGreaterThanOrEqual(4);

    const future = await company.admin.api.audit.list({
      from: new Date(Date.now() + 60_000).toISOString(),
      limit: 10,
    });
    expect(future.items).toHaveLength(0);

    const first = await company.admin.api.audit.list({ limit: 2 });
    const second = await company.admin.api.audit.list({
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    expect(first.items).toHaveLength(2);
    expect(second.items[0]?.id).not.toBe(first.items[1]?.id);
    const all = await company.admin.api.audit.list({ limit: 100 });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(
      all.items.slice(0, 4).map((item) => item.id),
    );
  });

  it('never shows another company’s rows', async () => {
    const a = await companyFixture(api);
    const b = await companyFixture(api);
    const page = await a.admin.api.audit.list({ limit: 100 });
    expect(page.items.some((item) => item.actor?.id === b.adminId)).toBe(false);
    const foreign = await a.admin.api.audit.list({ actorId: b.adminId, limit: 100 });
    expect(foreign.items).toHaveLength(0);
  });

  it('rejects a range that ends before it starts', async () => {
    const company = await companyFixture(api);
    const failure = await failureOf(
      company.admin.api.audit.list({
        from: '2026-11-27T10:00:00Z',
        to: '2026-11-26T10:00:00Z',
        limit: 10,
      }),
    );
    expect(failure.fieldErrors?.to).toEqual(['must not be before "from"']);
  });
});

describe('events.forEntity', () => {
  it('gives the event history of one person, newest first, with the hash masked', async () => {
    const company = await companyFixture(api);
    const worker = await personFixture(api, company, 'WORKER');
    await worker.client.api.auth.logout();
    const history = await company.admin.api.events.forEntity({
      entityType: 'person',
      entityId: worker.id,
      limit: 10,
    });
    expect(history.items.map((item) => item.type)).toEqual([
      'PERSON_SESSIONS_REVOKED',
      'PERSON_CREATED',
    ]);
    const created = history.items[1]?.payload as { passwordHash?: string; email?: string };
    expect(created.passwordHash).toBe('[redacted]');
    expect(created.email).toBe(worker.email);
    const firstOnly = await company.admin.api.events.forEntity({
      entityType: 'person',
      entityId: worker.id,
      limit: 1,
    });
    const rest = await company.admin.api.events.forEntity({
      entityType: 'person',
      entityId: worker.id,
      limit: 10,
      cursor: firstOnly.nextCursor ?? undefined,
    });
    expect(rest.items.map((item) => item.type)).toEqual(['PERSON_CREATED']);
  });

  it('is for admins only, and shows nothing of another company', async () => {
    const company = await companyFixture(api);
    const worker = await personFixture(api, company, 'WORKER');
    await expect(
      worker.client.api.events.forEntity({ entityType: 'person', entityId: worker.id, limit: 10 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await companyFixture(api);
    const seen = await other.admin.api.events.forEntity({
      entityType: 'person',
      entityId: worker.id,
      limit: 10,
    });
    expect(seen.items).toHaveLength(0);
  });
});
