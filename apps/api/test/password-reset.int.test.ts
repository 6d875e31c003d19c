import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import {
  companyFixture,
  FIXTURE_PASSWORD,
  GOOD_CHECK_IN,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';
import { writesOf } from '../test-support/writes.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

async function world() {
  const company = await companyFixture(api);
  const team = await teamFixture(api, company, {
    windowStart: '00:00',
    windowEnd: '23:59',
    workDays: [1, 2, 3, 4, 5, 6, 7],
  });
  const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
  return { company, team, worker };
}

describe('an admin resets a forgotten password', () => {
  it('gives a one-time password once, ends every session, and records the reset (event + audit, no secret)', async () => {
    const { company, worker } = await world();

    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      company.admin.api.people.resetPassword({ personId: worker.id }),
    );

    expect(result.oneTimePassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect(events).toMatchObject([
      {
        type: 'PERSON_PASSWORD_RESET',
        entity_id: worker.id,
        actor_id: company.adminId,
        payload: { id: worker.id, resetById: company.adminId, tokenVersion: 1 },
      },
    ]);
    expect(audits).toMatchObject([
      { action: 'PERSON_PASSWORD_RESET', entity_id: worker.id, actor_id: company.adminId },
    ]);
    const written = JSON.stringify({ events, audits });
    expect(written).not.toContain(result.oneTimePassword);
    expect(written).not.toMatch(/\$argon2/);
    // The worker's open session has ended; the old password no longer opens one.
    expect((await failureOf(worker.client.api.checkIn.today())).code).toBe('UNAUTHORIZED');
    const old = await failureOf(
      api.client().api.auth.login({
        company: worker.companySlug,
        email: worker.email,
        password: FIXTURE_PASSWORD,
      }),
    );
    expect(old.code).toBe('UNAUTHORIZED');
  });

  it('makes the person change it at their next login before anything else', async () => {
    const { company, worker } = await world();
    const { oneTimePassword } = await company.admin.api.people.resetPassword({
      personId: worker.id,
    });

    const client = api.client();
    const login = await client.api.auth.login({
      company: worker.companySlug,
      email: worker.email,
      password: oneTimePassword,
    });
    expect(login.user.mustChangePassword).toBe(true);
    expect((await client.api.auth.me()).user?.mustChangePassword).toBe(true);
    for (const call of [
      () => client.api.checkIn.today(),
      () => client.api.profile.get(),
      () => client.api.checkIn.submit(GOOD_CHECK_IN),
      () => client.api.alerts.list({}),
    ]) {
      const refused = await failureOf(call());
      expect(refused).toMatchObject({ code: 'FORBIDDEN' });
      expect(refused.message).toMatch(/Choose a new password/);
    }
    const checkIns = await owner.query('SELECT 1 FROM check_ins WHERE person_id = $1', [worker.id]);
    expect(checkIns.rowCount).toBe(0);

    await client.api.profile.changePassword({
      currentPassword: oneTimePassword,
      newPassword: 'my own new password',
    });

    expect((await client.api.auth.me()).user?.mustChangePassword).toBe(false);
    expect((await client.api.profile.get()).id).toBe(worker.id);
    // The one-time password is spent; the chosen one works.
    expect(
      (
        await failureOf(
          api.client().api.auth.login({
            company: worker.companySlug,
            email: worker.email,
            password: oneTimePassword,
          }),
        )
      ).code,
    ).toBe('UNAUTHORIZED');
    const again = await api.client().api.auth.login({
      company: worker.companySlug,
      email: worker.email,
      password: 'my own new password',
    });
    expect(again.user.mustChangePassword).toBe(false);
  });

  it('lets a person who must change their password still log out', async () => {
    const { company, worker } = await world();
    const { oneTimePassword } = await company.admin.api.people.resetPassword({
      personId: worker.id,
    });
    const client = api.client();
    await client.api.auth.login({
      company: worker.companySlug,
      email: worker.email,
      password: oneTimePassword,
    });
    await expect(client.api.auth.logout()).resolves.toEqual({ ok: true });
    expect((await client.api.auth.me()).user).toBeNull();
  });

  it('refuses non-admins, API tokens, the admin’s own account, a deactivated person and another company’s person', async () => {
    const { company, team, worker } = await world();
    const forWorker = { personId: worker.id };
    expect((await failureOf(team.lead.client.api.people.resetPassword(forWorker))).code).toBe(
      'FORBIDDEN',
    );
    const { token } = await company.admin.api.apiTokens.create({ name: 'ops', scope: 'ADMIN' });
    const bot = api.client();
    bot.bearer = token;
    expect((await failureOf(bot.api.people.resetPassword(forWorker))).code).toBe('FORBIDDEN');
    const own = await failureOf(
      company.admin.api.people.resetPassword({ personId: company.adminId }),
    );
    expect(own).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_PASSWORD' });

    await company.admin.api.people.deactivate({ personId: worker.id, reason: 'left the site' });
    const inactive = await failureOf(company.admin.api.people.resetPassword(forWorker));
    expect(inactive.code).toBe('CONFLICT');

    const foreign = await companyFixture(api);
    expect((await failureOf(foreign.admin.api.people.resetPassword(forWorker))).code).toBe(
      'NOT_FOUND',
    );
    const resets = await owner.query(
      `SELECT 1 FROM events WHERE type = 'PERSON_PASSWORD_RESET' AND entity_id = $1`,
      [worker.id],
    );
    expect(resets.rowCount).toBe(0);
  });
});

describe('a password an admin chose when creating the person', () => {
  it('must be changed at the first login; a signed-up admin chose their own', async () => {
    const company = await companyFixture(api);
    expect((await company.admin.api.auth.me()).user?.mustChangePassword).toBe(false);
    const email = `hana-${Date.now().toString(36)}@example.test`;
    await company.admin.api.people.create({
      email,
      firstName: 'Hana',
      lastName: 'Safety',
      role: 'WHS',
      password: 'admin chose this one',
    });
    const client = api.client();
    const login = await client.api.auth.login({
      company: company.slug,
      email,
      password: 'admin chose this one',
    });
    expect(login.user.mustChangePassword).toBe(true);
    expect((await failureOf(client.api.people.list({}))).message).toMatch(/Choose a new password/);

    await client.api.profile.changePassword({
      currentPassword: 'admin chose this one',
      newPassword: 'hana chose this one',
    });
    expect((await client.api.people.list({})).items.length).toBeGreaterThan(0);
  });
});
