import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { companyFixture, FIXTURE_PASSWORD, personFixture } from '../test-support/fixtures.ts';
import { writesOf } from '../test-support/writes.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

const NEW_PASSWORD = 'a-brand-new-password-42';

describe('profile.get', () => {
  it('returns the signed-in person for every role, without secrets', async () => {
    const company = await companyFixture(api);
    for (const role of ['WHS', 'SUPERVISOR', 'TEAM_LEAD', 'WORKER'] as const) {
      const person = await personFixture(api, company, role);
      const profile = await person.client.api.profile.get();
      expect(profile).toMatchObject({ id: person.id, email: person.email, role });
      expect(JSON.stringify(profile)).not.toMatch(/argon2|passwordHash|tokenVersion/);
    }
    await expect(api.client().api.profile.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('profile.update', () => {
  it('changes own names and phone with PERSON_UPDATED and no audit row', async () => {
    const company = await companyFixture(api);
    const worker = await personFixture(api, company, 'WORKER');
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      worker.client.api.profile.update({ firstName: 'Willa', phone: '+1 555 0100' }),
    );
    expect(result).toMatchObject({ firstName: 'Willa', phone: '+1 555 0100' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'PERSON_UPDATED',
      entity_id: worker.id,
      actor_id: worker.id,
      payload: { id: worker.id, changes: { firstName: 'Willa', phone: '+1 555 0100' } },
    });
    expect(audits).toEqual([]);

    const cleared = await worker.client.api.profile.update({ phone: '' });
    expect(cleared.phone).toBeNull();
    const unchanged = await writesOf(owner, company.companyId, () =>
      worker.client.api.profile.update({ firstName: 'Willa' }),
    );
    expect(unchanged.events).toEqual([]);
  });

  it('refuses email, role and other fields that only an admin may change', async () => {
    const company = await companyFixture(api);
    const worker = await personFixture(api, company, 'WORKER');
    for (const field of ['email', 'role', 'teamId', 'windowStart']) {
      const input = { [field]: 'x' } as Parameters<typeof worker.client.api.profile.update>[0];
      const { result, events } = await writesOf(owner, company.companyId, () =>
        failureOf(worker.client.api.profile.update(input)),
      );
      expect(result.code).toBe('BAD_REQUEST');
      expect(result.fieldErrors?.[field]).toEqual([`unknown field "${field}" is not allowed`]);
      expect(events).toEqual([]);
    }
    const badPhone = await failureOf(worker.client.api.profile.update({ phone: 'call me' }));
    expect(badPhone.fieldErrors?.phone?.join(' ')).toMatch(/must be a phone number/);
  });
});

describe('profile.changePassword', () => {
  it('refuses a wrong current password on currentPassword, writing nothing', async () => {
    const company = await companyFixture(api);
    const whs = await personFixture(api, company, 'WHS');
    const { result, events } = await writesOf(owner, company.companyId, () =>
      failureOf(
        whs.client.api.profile.changePassword({
          currentPassword: 'not-my-password',
          newPassword: NEW_PASSWORD,
        }),
      ),
    );
    expect(result.code).toBe('BAD_REQUEST');
    expect(result.fieldErrors).toEqual({ currentPassword: ['is incorrect'] });
    expect(events).toEqual([]);
    // Still signed in: a wrong guess is not a session problem.
    expect((await whs.client.api.profile.get()).id).toBe(whs.id);
  });

  it('requires a new password of 12+ characters that differs from the current one', async () => {
    const company = await companyFixture(api);
    const whs = await personFixture(api, company, 'WHS');
    const short = await failureOf(
      whs.client.api.profile.changePassword({
        currentPassword: FIXTURE_PASSWORD,
        newPassword: 'short',
      }),
    );
    expect(short.fieldErrors?.newPassword?.join(' ')).toMatch(/at least 12 characters/);
    const same = await failureOf(
      whs.client.api.profile.changePassword({
        currentPassword: FIXTURE_PASSWORD,
        newPassword: FIXTURE_PASSWORD,
      }),
    );
    expect(same.fieldErrors).toEqual({
      newPassword: ['must be different from the current password'],
    });
  });

  it('stores the new hash with one event, ends other sessions and keeps the caller signed in', async () => {
    const company = await companyFixture(api);
    const whs = await personFixture(api, company, 'WHS');
    const otherBrowser = api.client();
    await otherBrowser.api.auth.login({
      company: whs.companySlug,
      email: whs.email,
      password: FIXTURE_PASSWORD,
    });
    const oldToken = whs.client.token;

    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      whs.client.api.profile.changePassword({
        currentPassword: FIXTURE_PASSWORD,
        newPassword: NEW_PASSWORD,
      }),
    );
    expect(result).toEqual({ ok: true });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'PERSON_PASSWORD_CHANGED', entity_id: whs.id });
    // The event says only that the password changed; the new hash is the credential.
    expect(events[0]?.payload).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(events[0]?.payload)).not.toMatch(/argon2/);
    expect(JSON.stringify(events[0]?.payload)).not.toContain(NEW_PASSWORD);
    const [credential] = (
      await owner.query<{ password_hash: string }>(
        'SELECT password_hash FROM person_credentials WHERE person_id = $1',
        [whs.id],
      )
    ).rows;
    expect(credential?.password_hash).toMatch(/^\$argon2id\$/);
    expect(audits).toEqual([]);

    // The caller got a fresh cookie and stays signed in.
    expect(whs.client.token).not.toBe(oldToken);
    expect((await whs.client.api.profile.get()).id).toBe(whs.id);
    // Every other session, and the caller's old token, are revoked.
    await expect(otherBrowser.api.profile.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const replay = api.client();
    replay.token = oldToken;
    expect((await replay.api.auth.me()).user).toBeNull();

    await expect(
      api
        .client()
        .api.auth.login({ company: whs.companySlug, email: whs.email, password: FIXTURE_PASSWORD }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const login = await api
      .client()
      .api.auth.login({ company: whs.companySlug, email: whs.email, password: NEW_PASSWORD });
    expect(login.user.id).toBe(whs.id);
  });
});
