import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

/**
 * An event as version 1 stored it, before credentials left the log: appended
 * over the owner connection, since the write path only writes current versions.
 */
async function storeVersion1(
  company: CompanyFixture,
  type: 'PERSON_CREATED' | 'API_TOKEN_CREATED',
  entityType: 'person' | 'api_token',
  payload: Record<string, unknown> & { id: string },
) {
  await owner.query(
    `INSERT INTO events (id, company_id, actor_id, type, entity_type, entity_id, payload, schema_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 1)`,
    [randomUUID(), company.companyId, company.adminId, type, entityType, payload.id, payload],
  );
}

function tokenClient(token: string) {
  const client = api.client();
  client.bearer = token;
  return client;
}

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
  it('gives the event history of one person, newest first, with no hash in it', async () => {
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
    expect(created).not.toHaveProperty('passwordHash');
    expect(created.email).toBe(worker.email);
    expect(JSON.stringify(history)).not.toMatch(/argon2/);
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

  it('never shows a password or token hash, not even one a version 1 event still holds', async () => {
    const company = await companyFixture(api);
    const personId = randomUUID();
    const tokenId = randomUUID();
    const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
    const tokenHash = 'ab'.repeat(32);
    await storeVersion1(company, 'PERSON_CREATED', 'person', {
      id: personId,
      email: `legacy-${personId.slice(0, 8)}@example.test`,
      firstName: 'Old',
      lastName: 'Event',
      phone: null,
      windowStart: null,
      windowEnd: null,
      workDays: [],
      role: 'WHS',
      passwordHash,
      teamId: null,
      teamAssignedOn: null,
    });
    await storeVersion1(company, 'API_TOKEN_CREATED', 'api_token', {
      id: tokenId,
      name: 'Legacy export',
      scope: 'READ_ONLY',
      tokenHash,
      prefix: 'aegira_legacy',
      createdById: company.adminId,
      expiresAt: null,
    });
    const person = await company.admin.api.events.forEntity({
      entityType: 'person',
      entityId: personId,
      limit: 10,
    });
    expect(person.items).toMatchObject([{ type: 'PERSON_CREATED', schemaVersion: 1 }]);
    expect(person.items[0]?.payload).not.toHaveProperty('passwordHash');
    expect(person.items[0]?.payload).toMatchObject({ firstName: 'Old', role: 'WHS' });
    expect(JSON.stringify(person)).not.toContain(passwordHash);

    const legacy = await company.admin.api.events.forEntity({
      entityType: 'api_token',
      entityId: tokenId,
      limit: 10,
    });
    expect(legacy.items).toMatchObject([{ type: 'API_TOKEN_CREATED', schemaVersion: 1 }]);
    expect(legacy.items[0]?.payload).not.toHaveProperty('tokenHash');
    expect(legacy.items[0]?.payload).toMatchObject({ name: 'Legacy export' });
    expect(JSON.stringify(legacy)).not.toContain(tokenHash);

    // A token made today: its events never held the hash in the first place.
    const { apiToken } = await company.admin.api.apiTokens.create({
      name: 'Current',
      scope: 'WHS',
    });
    await company.admin.api.apiTokens.revoke({ id: apiToken.id });
    const current = await company.admin.api.events.forEntity({
      entityType: 'api_token',
      entityId: apiToken.id,
      limit: 10,
    });
    expect(current.items.map((item) => item.type)).toEqual([
      'API_TOKEN_REVOKED',
      'API_TOKEN_CREATED',
    ]);
    expect(JSON.stringify(current)).not.toMatch(/tokenHash/);
    const trail = await company.admin.api.audit.list({ entityId: apiToken.id, limit: 10 });
    expect(trail.items.map((item) => item.action).sort()).toEqual([
      'API_TOKEN_CREATED',
      'API_TOKEN_REVOKED',
    ]);
    expect(JSON.stringify(trail)).not.toMatch(/tokenHash/);
  });

  it('shows what a worker said about their health to admins, and hides it from READ_ONLY tokens', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company, {
      windowStart: '00:00',
      windowEnd: '23:59',
      workDays: [1, 2, 3, 4, 5, 6, 7],
    });
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const checkIn = await worker.client.api.checkIn.submit({
      ...GOOD_CHECK_IN,
      painLevel: 3,
      painLocation: 'lower_back',
    });
    const request = { entityType: 'check_in' as const, entityId: checkIn.id, limit: 10 };

    const asAdmin = await company.admin.api.events.forEntity(request);
    expect(asAdmin.items[0]?.payload).toMatchObject({
      inputs: { hoursSlept: 7.5, painLevel: 3, painLocation: 'lower_back' },
      scores: { readinessScore: checkIn.scores.readinessScore },
    });

    const { token } = await company.admin.api.apiTokens.create({
      name: 'Reader',
      scope: 'READ_ONLY',
    });
    const asReader = await tokenClient(token).api.events.forEntity(request);
    expect(asReader.items[0]?.payload).toMatchObject({
      inputs: {
        hoursSlept: '[redacted]',
        sleepQuality: '[redacted]',
        painLevel: '[redacted]',
        painLocation: '[redacted]',
        notes: '[redacted]',
      },
      // Derived scores are not what the worker said: they stay visible.
      scores: { readinessScore: checkIn.scores.readinessScore },
      personId: worker.id,
    });
  });
});
