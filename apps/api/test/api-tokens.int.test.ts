import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { companyFixture, personFixture, teamFixture } from '../test-support/fixtures.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

function tokenClient(token: string) {
  const client = api.client();
  client.bearer = token;
  return client;
}

describe('API tokens', () => {
  it('shows the plain token once and stores only a hash', async () => {
    const company = await companyFixture(api);
    const { token, apiToken } = await company.admin.api.apiTokens.create({
      name: 'Nightly export',
      scope: 'READ_ONLY',
    });
    expect(token).toMatch(/^aegira_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({
      name: 'Nightly export',
      scope: 'READ_ONLY',
      status: 'active',
    });
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const list = await company.admin.api.apiTokens.list();
    expect(JSON.stringify(list)).not.toContain(token.slice(40));
    // The hash is a credential: kept in api_token_secrets, never in the event.
    const [row] = (
      await owner.query('SELECT token_hash FROM api_token_secrets WHERE token_id = $1', [
        apiToken.id,
      ])
    ).rows;
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const events = (
      await owner.query<{ payload: Record<string, unknown> }>(
        'SELECT payload FROM events WHERE entity_id = $1',
        [apiToken.id],
      )
    ).rows;
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).not.toHaveProperty('tokenHash');
    const stored = JSON.stringify(events.map((event) => event.payload));
    expect(stored).not.toContain(token.slice(40));
    expect(stored).not.toContain(row.token_hash);
  });

  it('attributes every change to the token and the admin who issued it', async () => {
    const company = await companyFixture(api);
    const { token, apiToken } = await company.admin.api.apiTokens.create({
      name: 'HR sync',
      scope: 'ADMIN',
    });
    const created = await tokenClient(token).api.holidays.create({
      date: '2030-08-01',
      name: 'Sync Day',
    });
    const [event] = (
      await owner.query('SELECT actor_id, actor_token_id FROM events WHERE entity_id = $1', [
        created.id,
      ])
    ).rows;
    expect(event).toEqual({ actor_id: company.adminId, actor_token_id: apiToken.id });
    const [audit] = (
      await owner.query('SELECT actor_id, actor_token_id FROM audit_logs WHERE entity_id = $1', [
        created.id,
      ])
    ).rows;
    expect(audit).toEqual({ actor_id: company.adminId, actor_token_id: apiToken.id });
  });

  it('refuses a revoked token on its next request', async () => {
    const company = await companyFixture(api);
    const { token, apiToken } = await company.admin.api.apiTokens.create({
      name: 'Revoke me',
      scope: 'WHS',
    });
    const client = tokenClient(token);
    await expect(client.api.teams.list({})).resolves.toBeDefined();
    await company.admin.api.apiTokens.revoke({ id: apiToken.id });
    await expect(client.api.teams.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(company.admin.api.apiTokens.revoke({ id: apiToken.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await company.admin.api.apiTokens.list()).items[0]?.status).toBe('revoked');
  });

  it('refuses an expired token, a tampered one and a malformed header', async () => {
    const company = await companyFixture(api);
    const soon = new Date(Date.now() + 60_000).toISOString();
    const { token } = await company.admin.api.apiTokens.create({
      name: 'Short lived',
      scope: 'ADMIN',
      expiresAt: soon,
    });
    await expect(tokenClient(token).api.company.get()).resolves.toBeDefined();
    api.deps.now = () => new Date(Date.now() + 120_000);
    try {
      await expect(tokenClient(token).api.company.get()).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
    } finally {
      api.deps.now = undefined;
    }
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    await expect(tokenClient(tampered).api.company.get()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(tokenClient('not-a-token').api.company.get()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('stops working when the issuing admin is no longer an admin', async () => {
    const company = await companyFixture(api);
    const second = await personFixture(api, company, 'ADMIN');
    const { token } = await second.client.api.apiTokens.create({ name: 'Leaver', scope: 'ADMIN' });
    await expect(tokenClient(token).api.company.get()).resolves.toBeDefined();
    await company.admin.api.people.deactivate({ personId: second.id, reason: 'left the company' });
    await expect(tokenClient(token).api.company.get()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('of company A sees nothing of company B', async () => {
    const a = await companyFixture(api);
    const b = await companyFixture(api);
    const bTeam = await teamFixture(api, b);
    const { token } = await a.admin.api.apiTokens.create({ name: 'A only', scope: 'ADMIN' });
    const client = tokenClient(token);
    await expect(client.api.teams.get({ id: bTeam.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await client.api.teams.list({})).items.map((team) => team.id)).not.toContain(bTeam.id);
    expect(
      (await client.api.people.list({})).items.every((person) => person.id !== b.adminId),
    ).toBe(true);
  });

  it('rejects a past expiry and an unknown scope with field errors', async () => {
    const company = await companyFixture(api);
    const past = await failureOf(
      company.admin.api.apiTokens.create({
        name: 'Past',
        scope: 'ADMIN',
        expiresAt: '2020-01-01T00:00:00Z',
      }),
    );
    expect(past.fieldErrors?.expiresAt).toEqual(['must be in the future']);
    const badScope = await failureOf(
      // Cast on purpose: a client sending a scope that does not exist.
      company.admin.api.apiTokens.create({ name: 'Bad', scope: 'WORKER' as 'ADMIN' }),
    );
    expect(badScope.fieldErrors?.scope).toEqual(['must be READ_ONLY, WHS or ADMIN']);
  });
});
