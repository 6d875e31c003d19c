import { event, executeCommand } from '@aegira/db';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import {
  type CompanyFixture,
  companyFixture,
  FIXTURE_PASSWORD,
  firstLogin,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';
import { writesOf } from '../test-support/writes.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

/** 23:30 on Friday 27 November in Berlin is already Saturday in Tokyo and still Friday in UTC. */
const NOW = new Date('2026-11-27T22:30:00Z');
beforeEach(() => {
  api.deps.now = () => NOW;
});

let counter = 0;
function email(prefix = 'person') {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.test`;
}

const PASSWORD = 'initial-password-123';

async function personRow(id: string) {
  const result = await owner.query<{
    is_active: boolean;
    role: string;
    team_id: string | null;
    token_version: number;
    deactivated_by_id: string | null;
    deactivation_reason: string | null;
    deactivated_at: Date | null;
  }>('SELECT * FROM persons WHERE id = $1', [id]);
  return result.rows[0];
}

/** A team without members, deactivated through the write path (rows change only with their event). */
async function deactivateTeam(company: CompanyFixture, teamId: string) {
  // Only the precondition matters here; the teams module owns the real command.
  await executeCommand(api.db, company.actor, async () => [
    event('TEAM_DEACTIVATED', {
      id: teamId,
      reason: 'precondition of a people test',
      deactivatedAt: new Date().toISOString(),
      deactivatedById: company.adminId,
      unassignedPersonIds: [],
    }),
  ]);
}

function expectNoSecrets(value: unknown) {
  const json = JSON.stringify(value);
  expect(json).not.toMatch(/\$argon2/);
  expect(json).not.toMatch(/passwordHash|tokenVersion/);
}

describe('people.create', () => {
  it('creates a WORKER in an active team, assigned from the company’s today, with one event and one audit row', async () => {
    const company = await companyFixture(api, 'Asia/Tokyo');
    const team = await teamFixture(api, company);
    const address = email('worker');
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      company.admin.api.people.create({
        email: address.toUpperCase(),
        firstName: ' Wanda ',
        lastName: 'Worker',
        role: 'WORKER',
        teamId: team.id,
        phone: '+49 30 1234567',
        windowStart: '07:00',
        workDays: [3, 1],
        password: PASSWORD,
      }),
    );
    expect(result).toMatchObject({
      email: address,
      firstName: 'Wanda',
      role: 'WORKER',
      phone: '+49 30 1234567',
      team: { id: team.id, isActive: true },
      // Tokyo's date, not the server's or UTC's.
      teamAssignedOn: '2026-11-28',
      scheduleOverride: { windowStart: '07:00', windowEnd: null, workDays: [1, 3] },
      isActive: true,
      deactivatedAt: null,
    });
    expectNoSecrets(result);
    expect(events.map((event) => [event.type, event.entity_id])).toEqual([
      ['PERSON_CREATED', result.id],
    ]);
    // The password is a credential beside the person, not part of the event.
    expectNoSecrets(events);
    expect(audits).toMatchObject([
      { action: 'PERSON_CREATED', entity_id: result.id, actor_id: company.adminId },
    ]);
    // The initial password works, and must be changed first (an admin chose it).
    const client = api.client();
    const login = await client.api.auth.login({
      company: company.slug,
      email: address,
      password: PASSWORD,
    });
    expect(login.user).toMatchObject({ role: 'WORKER', mustChangePassword: true });
  });

  it('creates other roles without a team', async () => {
    const company = await companyFixture(api);
    const created = await company.admin.api.people.create({
      email: email('whs'),
      firstName: 'Hana',
      lastName: 'Safety',
      role: 'WHS',
      password: PASSWORD,
    });
    expect(created).toMatchObject({ role: 'WHS', team: null, teamAssignedOn: null, phone: null });
  });

  it('refuses an email already used in the same company with CONFLICT on email, writing nothing', async () => {
    const company = await companyFixture(api);
    const taken = await personFixture(api, company, 'WHS');
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      failureOf(
        company.admin.api.people.create({
          email: taken.email.toUpperCase(),
          firstName: 'Copy',
          lastName: 'Cat',
          role: 'WHS',
          password: PASSWORD,
        }),
      ),
    );
    expect(result.code).toBe('CONFLICT');
    expect(result.fieldErrors).toEqual({
      email: ['a person in this company already uses this email'],
    });
    expect(events).toEqual([]);
    expect(audits).toEqual([]);
    // Another company's address is no conflict, and nothing about it is revealed (TI-10).
    const elsewhere = await companyFixture(api);
    const theirs = await personFixture(api, elsewhere, 'WHS');
    const created = await company.admin.api.people.create({
      email: theirs.email,
      firstName: 'Same',
      lastName: 'Address',
      role: 'WHS',
      password: PASSWORD,
    });
    expect(created.email).toBe(theirs.email);
  });

  it('requires an active team of this company for a WORKER, and no team for other roles', async () => {
    const company = await companyFixture(api);
    const other = await companyFixture(api);
    const foreignTeam = await teamFixture(api, other);
    const inactive = await teamFixture(api, company);
    await deactivateTeam(company, inactive.id);
    const ownTeam = await teamFixture(api, company);
    const base = { firstName: 'No', lastName: 'Team', password: PASSWORD };
    const cases = [
      [{ role: 'WORKER' as const }, /is required: a WORKER must belong to a team/],
      [{ role: 'WORKER' as const, teamId: null }, /is required/],
      [{ role: 'WORKER' as const, teamId: foreignTeam.id }, /must be a team of your company/],
      [{ role: 'WORKER' as const, teamId: inactive.id }, /is deactivated; choose an active team/],
      [{ role: 'TEAM_LEAD' as const, teamId: ownTeam.id }, /only a WORKER belongs to a team/],
    ] as const;
    for (const [patch, message] of cases) {
      const { result, events } = await writesOf(owner, company.companyId, () =>
        failureOf(company.admin.api.people.create({ ...base, email: email(), ...patch })),
      );
      expect(result.code, JSON.stringify(patch)).toBe('BAD_REQUEST');
      expect(result.fieldErrors?.teamId?.join(' ')).toMatch(message);
      expect(events).toEqual([]);
    }
  });

  it('validates the personal schedule against the team’s', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company, { windowStart: '06:00', windowEnd: '10:00' });
    const base = {
      firstName: 'Sched',
      lastName: 'Ule',
      role: 'WORKER' as const,
      teamId: team.id,
      password: PASSWORD,
    };
    const startAfterTeamEnd = await failureOf(
      company.admin.api.people.create({ ...base, email: email(), windowStart: '11:00' }),
    );
    expect(startAfterTeamEnd.fieldErrors).toEqual({
      windowStart: ["windowStart must be before the team's window end (10:00)"],
    });
    const endBeforeStart = await failureOf(
      company.admin.api.people.create({
        ...base,
        email: email(),
        windowStart: '09:00',
        windowEnd: '08:00',
      }),
    );
    expect(endBeforeStart.fieldErrors).toEqual({
      windowEnd: ['windowEnd must be after windowStart'],
    });
    const badShape = await failureOf(
      company.admin.api.people.create({
        ...base,
        email: email(),
        windowEnd: '25:00',
        workDays: [1, 1, 8],
      }),
    );
    expect(badShape.code).toBe('BAD_REQUEST');
    expect(Object.keys(badShape.fieldErrors ?? {}).sort()).toEqual([
      'windowEnd',
      'workDays',
      'workDays.2',
    ]);
    const ok = await company.admin.api.people.create({
      ...base,
      email: email(),
      windowStart: '05:00',
      windowEnd: '07:00',
      workDays: [6, 7],
    });
    expect(ok.scheduleOverride).toEqual({
      windowStart: '05:00',
      windowEnd: '07:00',
      workDays: [6, 7],
    });
  });

  it('rejects a short password and unknown fields, naming them', async () => {
    const company = await companyFixture(api);
    const short = await failureOf(
      company.admin.api.people.create({
        email: email(),
        firstName: 'S',
        lastName: 'P',
        role: 'WHS',
        password: 'short',
      }),
    );
    expect(short.fieldErrors?.password?.join(' ')).toMatch(/at least 12/);
    const smuggled = {
      email: email(),
      firstName: 'S',
      lastName: 'C',
      role: 'WHS',
      password: PASSWORD,
      companyId: company.companyId,
    };
    const failure = await failureOf(
      company.admin.api.people.create(
        smuggled as Parameters<typeof company.admin.api.people.create>[0],
      ),
    );
    expect(failure.message).toMatch(/companyId: unknown field "companyId" is not allowed/);
  });

  it('is for admins only', async () => {
    const company = await companyFixture(api);
    for (const role of ['WHS', 'SUPERVISOR', 'TEAM_LEAD', 'WORKER'] as const) {
      const person = await personFixture(api, company, role);
      const failure = await failureOf(
        person.client.api.people.create({
          email: email(),
          firstName: 'N',
          lastName: 'O',
          role: 'WHS',
          password: PASSWORD,
        }),
      );
      expect(failure.code, role).toBe('FORBIDDEN');
    }
  });
});

describe('people.update', () => {
  it('records only the changed fields in PERSON_UPDATED, with an audit row', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const newEmail = email('renamed');
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      company.admin.api.people.update({
        personId: worker.id,
        firstName: 'WORKER',
        lastName: 'Renamed',
        email: newEmail,
        phone: '0151 234 567',
        windowEnd: '09:00',
      }),
    );
    expect(result).toMatchObject({
      lastName: 'Renamed',
      email: newEmail,
      phone: '0151 234 567',
      scheduleOverride: { windowStart: null, windowEnd: '09:00', workDays: [] },
      team: { id: team.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'PERSON_UPDATED',
      entity_id: worker.id,
      actor_id: company.adminId,
      // firstName was sent unchanged, so it is not recorded.
      payload: {
        id: worker.id,
        changes: {
          lastName: 'Renamed',
          email: newEmail,
          phone: '0151 234 567',
          windowEnd: '09:00',
        },
      },
    });
    expect(audits).toMatchObject([{ action: 'PERSON_UPDATED', entity_id: worker.id }]);
    // The new email signs in; the session the worker had keeps working.
    await api
      .client()
      .api.auth.login({ company: company.slug, email: newEmail, password: FIXTURE_PASSWORD });
    expect((await worker.client.api.auth.me()).user?.lastName).toBe('Renamed');
  });

  it('writes nothing when nothing changes, and clears fields with null or an empty list', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER', {
      teamId: team.id,
      windowStart: '07:00',
      workDays: [1, 2],
    });
    const unchanged = await writesOf(owner, company.companyId, () =>
      company.admin.api.people.update({
        personId: worker.id,
        windowStart: '07:00',
        workDays: [2, 1],
      }),
    );
    expect(unchanged.events).toEqual([]);
    expect(unchanged.audits).toEqual([]);
    expect(unchanged.result.scheduleOverride.windowStart).toBe('07:00');

    const cleared = await writesOf(owner, company.companyId, () =>
      company.admin.api.people.update({ personId: worker.id, windowStart: null, workDays: [] }),
    );
    expect(cleared.result.scheduleOverride).toEqual({
      windowStart: null,
      windowEnd: null,
      workDays: [],
    });
    expect(cleared.events[0]?.payload).toEqual({
      id: worker.id,
      changes: { windowStart: null, workDays: [] },
    });
  });

  it('refuses a taken email with CONFLICT and a team change as an unknown field', async () => {
    const company = await companyFixture(api);
    const whs = await personFixture(api, company, 'WHS');
    const other = await personFixture(api, company, 'SUPERVISOR');
    const { result, events } = await writesOf(owner, company.companyId, () =>
      failureOf(company.admin.api.people.update({ personId: whs.id, email: other.email })),
    );
    expect(result).toMatchObject({
      code: 'CONFLICT',
      fieldErrors: { email: [expect.any(String)] },
    });
    expect(events).toEqual([]);
    const teamChange = { personId: whs.id, teamId: whs.id };
    const failure = await failureOf(
      company.admin.api.people.update(
        teamChange as Parameters<typeof company.admin.api.people.update>[0],
      ),
    );
    expect(failure.fieldErrors).toHaveProperty('teamId');
  });

  it('answers NOT_FOUND for a person of another company', async () => {
    const company = await companyFixture(api);
    const other = await companyFixture(api);
    const stranger = await personFixture(api, other, 'WHS');
    const failure = await failureOf(
      company.admin.api.people.update({ personId: stranger.id, lastName: 'Hijacked' }),
    );
    expect(failure.code).toBe('NOT_FOUND');
    expect((await personRow(stranger.id))?.role).toBe('WHS');
  });
});

describe('people.changeRole', () => {
  it('refuses to change one’s own role', async () => {
    const company = await companyFixture(api);
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      failureOf(company.admin.api.people.changeRole({ personId: company.adminId, role: 'WHS' })),
    );
    expect(result.code).toBe('FORBIDDEN');
    expect(result.message).toMatch(/cannot change your own role/);
    expect(result.reason).toBe('OWN_ROLE');
    expect(events).toEqual([]);
    expect(audits).toEqual([]);
  });

  it('refuses to demote the lead of an active team, naming the team', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const [teamName] = (
      await owner.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [team.id])
    ).rows.map((row) => row.name);
    const { result, events } = await writesOf(owner, company.companyId, () =>
      failureOf(company.admin.api.people.changeRole({ personId: team.lead.id, role: 'WHS' })),
    );
    expect(result.code).toBe('CONFLICT');
    expect(result.reason).toBe('LEADS_ACTIVE_TEAM');
    expect(result.message).toContain(`"${teamName}"`);
    expect(events).toEqual([]);
    // Once the team is inactive the lead can change role.
    await deactivateTeam(company, team.id);
    const changed = await company.admin.api.people.changeRole({
      personId: team.lead.id,
      role: 'WHS',
    });
    expect(changed.role).toBe('WHS');
  });

  it('refuses to change a supervisor of an active team', async () => {
    const company = await companyFixture(api);
    const supervisor = await personFixture(api, company, 'SUPERVISOR');
    await teamFixture(api, company, { supervisorId: supervisor.id });
    const failure = await failureOf(
      company.admin.api.people.changeRole({ personId: supervisor.id, role: 'WHS' }),
    );
    expect(failure).toMatchObject({ code: 'CONFLICT', reason: 'SUPERVISES_ACTIVE_TEAM' });
  });

  it('needs an active team for a new WORKER, and refuses a team for other roles', async () => {
    const company = await companyFixture(api);
    const whs = await personFixture(api, company, 'WHS');
    const team = await teamFixture(api, company);
    const noTeam = await writesOf(owner, company.companyId, () =>
      failureOf(company.admin.api.people.changeRole({ personId: whs.id, role: 'WORKER' })),
    );
    expect(noTeam.result.code).toBe('BAD_REQUEST');
    expect(noTeam.result.fieldErrors?.teamId?.join(' ')).toMatch(/WORKER must belong to a team/);
    expect(noTeam.events).toEqual([]);
    const teamForLead = await failureOf(
      company.admin.api.people.changeRole({
        personId: whs.id,
        role: 'SUPERVISOR',
        teamId: team.id,
      }),
    );
    expect(teamForLead.fieldErrors?.teamId?.join(' ')).toMatch(/only a WORKER belongs to a team/);
    const sameRole = await failureOf(
      company.admin.api.people.changeRole({ personId: whs.id, role: 'WHS' }),
    );
    expect(sameRole.fieldErrors?.role?.join(' ')).toMatch(/is already WHS/);
  });

  it('changes the role with one event and an audit row, effective on the person’s next request', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const whs = await personFixture(api, company, 'WHS');
    const before = await personRow(whs.id);
    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      company.admin.api.people.changeRole({ personId: whs.id, role: 'WORKER', teamId: team.id }),
    );
    expect(result).toMatchObject({
      role: 'WORKER',
      team: { id: team.id },
      teamAssignedOn: '2026-11-27',
    });
    expect(events.map((event) => event.type)).toEqual(['PERSON_ROLE_CHANGED']);
    expect(events[0]?.payload).toMatchObject({ from: 'WHS', to: 'WORKER', teamId: team.id });
    expect(audits).toMatchObject([
      {
        action: 'PERSON_ROLE_CHANGED',
        actor_id: company.adminId,
        details: { from: 'WHS', to: 'WORKER', teamId: team.id },
      },
    ]);
    expect((await personRow(whs.id))?.token_version).toBe((before?.token_version ?? 0) + 1);
    // The old session no longer works; a new login carries the new role.
    await expect(whs.client.api.profile.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const again = await api
      .client()
      .api.auth.login({ company: whs.companySlug, email: whs.email, password: FIXTURE_PASSWORD });
    expect(again.user.role).toBe('WORKER');

    // Leaving the WORKER role leaves the team.
    const back = await company.admin.api.people.changeRole({ personId: whs.id, role: 'WHS' });
    expect(back).toMatchObject({ role: 'WHS', team: null, teamAssignedOn: null });
  });

  it('refuses to take a worker with a pending team transfer out of the WORKER role', async () => {
    const company = await companyFixture(api);
    const from = await teamFixture(api, company);
    const to = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER', { teamId: from.id });
    await company.admin.api.teams.assignMember({ personId: worker.id, teamId: to.id });
    const { result, events } = await writesOf(owner, company.companyId, () =>
      failureOf(company.admin.api.people.changeRole({ personId: worker.id, role: 'WHS' })),
    );
    expect(result).toMatchObject({ code: 'CONFLICT', reason: 'PENDING_TRANSFER' });
    expect(result.message).toMatch(/pending team transfer .* Cancel it first/);
    expect(events).toEqual([]);
  });

  it('is for admins only, and another company’s person is NOT_FOUND', async () => {
    const company = await companyFixture(api);
    const other = await companyFixture(api);
    const stranger = await personFixture(api, other, 'WHS');
    const whs = await personFixture(api, company, 'WHS');
    const notFound = await failureOf(
      company.admin.api.people.changeRole({ personId: stranger.id, role: 'SUPERVISOR' }),
    );
    expect(notFound.code).toBe('NOT_FOUND');
    const forbidden = await failureOf(
      whs.client.api.people.changeRole({ personId: company.adminId, role: 'WORKER' }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
  });
});

describe('people.deactivate', () => {
  it('refuses to deactivate oneself and the lead of an active team', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const self = await writesOf(owner, company.companyId, () =>
      failureOf(
        company.admin.api.people.deactivate({ personId: company.adminId, reason: 'leaving' }),
      ),
    );
    expect(self.result).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_DEACTIVATION' });
    expect(self.events).toEqual([]);
    const lead = await writesOf(owner, company.companyId, () =>
      failureOf(company.admin.api.people.deactivate({ personId: team.lead.id, reason: 'leaving' })),
    );
    expect(lead.result).toMatchObject({ code: 'CONFLICT', reason: 'LEADS_ACTIVE_TEAM' });
    expect(lead.result.message).toMatch(/leads the active team "Team /);
    expect(lead.events).toEqual([]);
    expect((await personRow(team.lead.id))?.is_active).toBe(true);
  });

  it('requires a reason of 3 to 500 characters', async () => {
    const company = await companyFixture(api);
    const whs = await personFixture(api, company, 'WHS');
    for (const reason of ['  x ', 'x'.repeat(501)]) {
      const failure = await failureOf(
        company.admin.api.people.deactivate({ personId: whs.id, reason }),
      );
      expect(failure.fieldErrors?.reason?.join(' ')).toMatch(/at (least 3|most 500) characters/);
    }
  });

  it('keeps the row and its events, records who and why, and ends the person’s sessions at once', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER', { teamId: team.id });
    expect((await worker.client.api.profile.get()).id).toBe(worker.id);
    const eventsBefore = await owner.query(
      'SELECT id FROM events WHERE entity_id = $1 ORDER BY position',
      [worker.id],
    );

    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      company.admin.api.people.deactivate({ personId: worker.id, reason: '  Left the company ' }),
    );
    expect(result).toMatchObject({
      isActive: false,
      deactivatedAt: NOW.toISOString(),
      deactivatedById: company.adminId,
      deactivationReason: 'Left the company',
      // Membership stays, so a reactivation returns them to their team.
      team: { id: team.id },
    });
    expect(events.map((event) => event.type)).toEqual(['PERSON_DEACTIVATED']);
    expect(events[0]).toMatchObject({
      actor_id: company.adminId,
      payload: { reason: 'Left the company', deactivatedById: company.adminId },
    });
    expect(audits).toMatchObject([
      {
        action: 'PERSON_DEACTIVATED',
        entity_id: worker.id,
        actor_id: company.adminId,
        event_id: events[0]?.id,
        details: { reason: 'Left the company' },
      },
    ]);

    const row = await personRow(worker.id);
    expect(row).toMatchObject({
      is_active: false,
      deactivated_by_id: company.adminId,
      deactivation_reason: 'Left the company',
    });
    const eventsAfter = await owner.query(
      'SELECT id FROM events WHERE entity_id = $1 ORDER BY position',
      [worker.id],
    );
    expect(eventsAfter.rows.map((event) => event.id)).toEqual([
      ...eventsBefore.rows.map((event) => event.id),
      events[0]?.id,
    ]);

    // The session the worker already had stops on its next request.
    const failure = await failureOf(worker.client.api.profile.get());
    expect(failure.code).toBe('UNAUTHORIZED');
    expect(worker.client.token).toBeNull();
    await expect(
      api.client().api.auth.login({
        company: worker.companySlug,
        email: worker.email,
        password: FIXTURE_PASSWORD,
      }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    const again = await writesOf(owner, company.companyId, () =>
      failureOf(company.admin.api.people.deactivate({ personId: worker.id, reason: 'twice' })),
    );
    expect(again.result.code).toBe('CONFLICT');
    expect(again.events).toEqual([]);
  });
});

describe('people.reactivate', () => {
  it('lets the person log in again while their old sessions stay revoked', async () => {
    const company = await companyFixture(api);
    const whs = await personFixture(api, company, 'WHS');
    await company.admin.api.people.deactivate({ personId: whs.id, reason: 'On leave' });
    const stale = whs.client.token;

    const { result, events, audits } = await writesOf(owner, company.companyId, () =>
      company.admin.api.people.reactivate({ personId: whs.id }),
    );
    expect(result).toMatchObject({
      isActive: true,
      deactivatedAt: null,
      deactivatedById: null,
      deactivationReason: null,
    });
    expect(events.map((event) => event.type)).toEqual(['PERSON_REACTIVATED']);
    expect(audits.map((audit) => audit.action)).toEqual(['PERSON_REACTIVATED']);

    const replay = api.client();
    replay.token = stale;
    await expect(replay.api.profile.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const login = await api
      .client()
      .api.auth.login({ company: whs.companySlug, email: whs.email, password: FIXTURE_PASSWORD });
    expect(login.user.id).toBe(whs.id);

    const already = await failureOf(company.admin.api.people.reactivate({ personId: whs.id }));
    expect(already.code).toBe('CONFLICT');
  });
});

describe('people.list and people.get', () => {
  async function directory() {
    const company = await companyFixture(api);
    const supervisor = await personFixture(api, company, 'SUPERVISOR');
    const supervised = await teamFixture(api, company, { supervisorId: supervisor.id });
    const otherTeam = await teamFixture(api, company);
    const make = (firstName: string, lastName: string, role: 'WORKER' | 'WHS', teamId?: string) =>
      company.admin.api.people.create({
        email: email(lastName.toLowerCase()),
        firstName,
        lastName,
        role,
        ...(teamId ? { teamId } : {}),
        password: PASSWORD,
      });
    const anna = await make('Anna', 'Zimmer', 'WORKER', supervised.id);
    const bert = await make('Bert', 'Zimmer', 'WORKER', supervised.id);
    const carl = await make('Carl', 'Young', 'WORKER', otherTeam.id);
    const whs = await make('Wilma', 'Xavier', 'WHS');
    return { company, supervisor, supervised, otherTeam, anna, bert, carl, whs };
  }

  it('searches names and email case-insensitively and filters by role, team and active', async () => {
    const { company, supervised, anna, bert, carl, whs } = await directory();
    const names = (page: { items: Array<{ firstName: string }> }) =>
      page.items.map((item) => item.firstName);

    expect(names(await company.admin.api.people.list({ search: 'ZIMM' }))).toEqual([
      'Anna',
      'Bert',
    ]);
    expect(names(await company.admin.api.people.list({ search: 'anna zim' }))).toEqual(['Anna']);
    expect(
      names(await company.admin.api.people.list({ search: carl.email.slice(0, 8) })),
    ).toContain('Carl');
    expect(names(await company.admin.api.people.list({ role: 'WHS' }))).toEqual(['Wilma']);
    expect(names(await company.admin.api.people.list({ teamId: supervised.id }))).toEqual([
      'Anna',
      'Bert',
    ]);

    await company.admin.api.people.deactivate({ personId: bert.id, reason: 'Moved away' });
    expect(
      names(await company.admin.api.people.list({ teamId: supervised.id, active: true })),
    ).toEqual(['Anna']);
    expect(
      names(await company.admin.api.people.list({ teamId: supervised.id, active: false })),
    ).toEqual(['Bert']);
    const everyone = await company.admin.api.people.list({ limit: 100 });
    expect(everyone.items.map((item) => item.id)).toEqual(
      expect.arrayContaining([anna.id, bert.id, carl.id, whs.id, company.adminId]),
    );
    expectNoSecrets(everyone);
  });

  it('pages by cursor in a stable order: last name, first name, id', async () => {
    const { company } = await directory();
    // Namesakes: only the id orders them, and a page boundary may fall between them.
    for (let twin = 0; twin < 3; twin += 1) {
      await company.admin.api.people.create({
        email: email('twin'),
        firstName: 'Tom',
        lastName: 'Twin',
        role: 'WHS',
        password: PASSWORD,
      });
    }
    const all = await company.admin.api.people.list({ limit: 100 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await company.admin.api.people.list({ limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((item) => item.id));
    // Names chosen to sort the same under any collation.
    const named = all.items
      .filter((item) => ['Xavier', 'Young', 'Zimmer'].includes(item.lastName))
      .map((item) => `${item.lastName} ${item.firstName}`);
    expect(named).toEqual(['Xavier Wilma', 'Young Carl', 'Zimmer Anna', 'Zimmer Bert']);
  });

  it('scopes reads by role: WHS all, supervisors and leads their teams, workers none', async () => {
    const { company, supervisor, supervised, otherTeam, anna, bert, carl, whs } = await directory();
    const idsOf = (page: { items: Array<{ id: string }> }) =>
      page.items.map((item) => item.id).sort();

    const whsClient = api.client();
    await firstLogin(whsClient, { company: company.slug, email: whs.email }, PASSWORD);
    const whsView = await whsClient.api.people.list({ limit: 100 });
    expect(whsView.items.length).toBe(
      (await company.admin.api.people.list({ limit: 100 })).items.length,
    );

    const supervisorView = await supervisor.client.api.people.list({ limit: 100 });
    expect(idsOf(supervisorView)).toEqual(
      [supervisor.id, supervised.lead.id, anna.id, bert.id].sort(),
    );
    const leadView = await otherTeam.lead.client.api.people.list({ limit: 100 });
    expect(idsOf(leadView)).toEqual([otherTeam.lead.id, carl.id].sort());

    expect((await supervisor.client.api.people.get({ id: anna.id })).id).toBe(anna.id);
    const hidden = await failureOf(supervisor.client.api.people.get({ id: carl.id }));
    expect(hidden.code).toBe('NOT_FOUND');
    const hiddenFromLead = await failureOf(otherTeam.lead.client.api.people.get({ id: anna.id }));
    expect(hiddenFromLead.code).toBe('NOT_FOUND');

    const worker = api.client();
    await firstLogin(worker, { company: company.slug, email: anna.email }, PASSWORD);
    expect((await failureOf(worker.api.people.list({}))).code).toBe('FORBIDDEN');
    expect((await failureOf(worker.api.people.get({ id: anna.id }))).code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND for a person of another company, also to its admin', async () => {
    const company = await companyFixture(api);
    const other = await companyFixture(api);
    const stranger = await personFixture(api, other, 'WHS');
    const failure = await failureOf(company.admin.api.people.get({ id: stranger.id }));
    expect(failure.code).toBe('NOT_FOUND');
    const list = await company.admin.api.people.list({ search: stranger.email });
    expect(list.items).toEqual([]);
    const got = await other.admin.api.people.get({ id: stranger.id });
    expect(got).toMatchObject({ id: stranger.id, role: 'WHS', team: null });
    expectNoSecrets(got);
  });
});

describe('people read models', () => {
  it('name the active team a lead leads, and nothing once it is deactivated', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const lead = await company.admin.api.people.get({ id: team.lead.id });
    expect(lead.leads).toEqual({ id: team.id, name: expect.stringMatching(/^Team /) });
    expect(lead.team).toBeNull();
    await company.admin.api.teams.deactivate({ id: team.id, reason: 'merged' });
    expect((await company.admin.api.people.get({ id: team.lead.id })).leads).toBeNull();
  });
});
