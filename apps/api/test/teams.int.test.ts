import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTeam } from '../src/services/team-writes.ts';
import { conflictFromUniqueViolation } from '../src/services/teams/team-guards.ts';
import { failureOf, type TestApi, useTestApi } from '../test-support/api-harness.ts';
import { berlin, fixClock } from '../test-support/clock.ts';
import {
  type CompanyFixture,
  companyFixture,
  GOOD_CHECK_IN,
  holidayFixture,
  personFixture,
  teamFixture,
} from '../test-support/fixtures.ts';

let api: TestApi;
let owner: pg.Client;
useTestApi((ready) => {
  ({ api, owner } = ready);
});

const setClock = (instant: Date) => fixClock(api, instant);
beforeEach(() => setClock(berlin('08:00')));

const good = GOOD_CHECK_IN;

async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[]) {
  return (await owner.query<T>(sql, params)).rows;
}

/** What one action wrote: its events (in order) and audit actions, seen past row-level security. */
async function writesOf<R>(company: CompanyFixture, action: () => Promise<R>) {
  const [mark] = await rows<{ position: string }>(
    'SELECT coalesce(max(position), 0)::text AS position FROM events',
    [],
  );
  const result = await action();
  const events = await rows<{ type: string; entity_id: string; payload: Record<string, unknown> }>(
    'SELECT type, entity_id, payload FROM events WHERE company_id = $1 AND position > $2 ORDER BY position',
    [company.companyId, mark?.position ?? '0'],
  );
  const audits = await rows<{ action: string; entity_id: string }>(
    `SELECT a.action, a.entity_id FROM audit_logs a JOIN events e ON e.id = a.event_id
     WHERE a.company_id = $1 AND e.position > $2 ORDER BY e.position`,
    [company.companyId, mark?.position ?? '0'],
  );
  return { result, events, types: events.map((event) => event.type), audits };
}

async function lead(company: CompanyFixture) {
  return personFixture(api, company, 'TEAM_LEAD');
}

function newTeam(leaderId: string, overrides: Record<string, unknown> = {}) {
  return { name: `Crew ${randomUUID().slice(0, 8)}`, leaderId, ...overrides };
}

describe('teams.create', () => {
  it('creates an active team with one TEAM_CREATED event and its audit row', async () => {
    const company = await companyFixture(api);
    const leader = await lead(company);
    const supervisor = await personFixture(api, company, 'SUPERVISOR');
    const { result, types, audits } = await writesOf(company, () =>
      company.admin.api.teams.create({
        name: '  North crew ',
        description: 'Scaffolding',
        leaderId: leader.id,
        supervisorId: supervisor.id,
        windowStart: '05:30',
        windowEnd: '09:00',
        workDays: [6, 1, 2],
      }),
    );
    expect(result).toMatchObject({
      name: 'North crew',
      description: 'Scaffolding',
      leader: { id: leader.id, name: `TEAM_LEAD ${leader.id.slice(0, 4)}` },
      supervisor: { id: supervisor.id },
      windowStart: '05:30',
      windowEnd: '09:00',
      workDays: [1, 2, 6],
      isActive: true,
      memberCount: 0,
    });
    expect(types).toEqual(['TEAM_CREATED']);
    expect(audits.map((audit) => audit.action)).toEqual(['TEAM_CREATED']);
    const [row] = await rows<{ event_id: string; name: string }>(
      'SELECT t.event_id, t.name FROM teams t JOIN events e ON e.id = t.event_id WHERE t.name = $1 AND t.company_id = $2',
      ['North crew', company.companyId],
    );
    expect(row?.name).toBe('North crew');
  });

  it('uses the default window 06:00–10:00, Monday to Friday, without a supervisor', async () => {
    const company = await companyFixture(api);
    const leader = await lead(company);
    const team = await company.admin.api.teams.create(newTeam(leader.id));
    expect(team).toMatchObject({
      windowStart: '06:00',
      windowEnd: '10:00',
      workDays: [1, 2, 3, 4, 5],
      supervisor: null,
      description: null,
    });
  });

  it('refuses a name an active team has, ignoring case, with CONFLICT on `name` and nothing written', async () => {
    const company = await companyFixture(api);
    await company.admin.api.teams.create(
      newTeam((await lead(company)).id, { name: 'Night Shift' }),
    );
    const second = await lead(company);
    const { result, events } = await writesOf(company, () =>
      failureOf(company.admin.api.teams.create(newTeam(second.id, { name: 'night shift' }))),
    );
    expect(result).toMatchObject({ code: 'CONFLICT' });
    expect(result.fieldErrors?.name?.[0]).toMatch(/active team named "Night Shift" already exists/);
    expect(events).toHaveLength(0);
  });

  it('allows the name of a deactivated team, and the same name in another company', async () => {
    const company = await companyFixture(api);
    const old = await company.admin.api.teams.create(
      newTeam((await lead(company)).id, { name: 'Alpha' }),
    );
    await company.admin.api.teams.deactivate({ id: old.id, reason: 'merged' });
    const again = await company.admin.api.teams.create(
      newTeam((await lead(company)).id, { name: 'ALPHA' }),
    );
    expect(again.name).toBe('ALPHA');
    const other = await companyFixture(api);
    const foreign = await other.admin.api.teams.create(
      newTeam((await lead(other)).id, { name: 'Alpha' }),
    );
    expect(foreign.name).toBe('Alpha');
  });

  it('refuses a leader who already leads an active team, naming that team on `leaderId`', async () => {
    const company = await companyFixture(api);
    const existing = await teamFixture(api, company);
    const { result, events } = await writesOf(company, () =>
      failureOf(company.admin.api.teams.create(newTeam(existing.lead.id))),
    );
    expect(result).toMatchObject({ code: 'CONFLICT' });
    expect(result.fieldErrors?.leaderId?.[0]).toMatch(/already leads the active team "Team /);
    expect(events).toHaveLength(0);
  });

  it('refuses a leader who is not an active TEAM_LEAD of this company', async () => {
    const company = await companyFixture(api);
    const worker = await personFixture(api, company, 'WORKER');
    const retired = await lead(company);
    await company.admin.api.people.deactivate({ personId: retired.id, reason: 'left the company' });
    const other = await companyFixture(api);
    const foreignLead = await lead(other);
    for (const [leaderId, message] of [
      [worker.id, /must be a TEAM_LEAD; .* is a WORKER/],
      [retired.id, /is inactive/],
      [foreignLead.id, /must be a person of your company/],
      [company.adminId, /must be a TEAM_LEAD; .* is a ADMIN/],
    ] as const) {
      const failure = await failureOf(company.admin.api.teams.create(newTeam(leaderId)));
      expect(failure.code).toBe('BAD_REQUEST');
      expect(failure.fieldErrors?.leaderId?.[0]).toMatch(message);
    }
  });

  it('refuses a supervisor who is not an active SUPERVISOR', async () => {
    const company = await companyFixture(api);
    const whs = await personFixture(api, company, 'WHS');
    const failure = await failureOf(
      company.admin.api.teams.create(newTeam((await lead(company)).id, { supervisorId: whs.id })),
    );
    expect(failure.code).toBe('BAD_REQUEST');
    expect(failure.fieldErrors?.supervisorId?.[0]).toMatch(/must be a SUPERVISOR; .* is a WHS/);
  });

  it.each([
    [
      { windowStart: '10:00', windowEnd: '09:00' },
      'windowEnd',
      /windowEnd must be after windowStart/,
    ],
    [{ windowStart: '08:00', windowEnd: '08:00' }, 'windowEnd', /after windowStart/],
    [{ windowStart: '6:00' }, 'windowStart', /HH:mm/],
    [{ windowEnd: '24:00' }, 'windowEnd', /HH:mm/],
    [{ workDays: [] }, 'workDays', /at least one day/],
    [{ workDays: [1, 1] }, 'workDays', /must not repeat a day/],
    [{ workDays: [0] }, 'workDays.0', /weekday from 1 \(Monday\) to 7 \(Sunday\)/],
    [{ companyId: randomUUID() }, 'companyId', /unknown field "companyId" is not allowed/],
    [{ name: '   ' }, 'name', /is required/],
  ])('rejects %o on `%s` and writes nothing', async (overrides, field, message) => {
    const company = await companyFixture(api);
    const leader = await lead(company);
    const { result, events } = await writesOf(company, () =>
      failureOf(company.admin.api.teams.create(newTeam(leader.id, overrides))),
    );
    expect(result).toMatchObject({ code: 'BAD_REQUEST' });
    expect(result.fieldErrors?.[field]?.join(' ')).toMatch(message);
    expect(events).toHaveLength(0);
  });

  it('lets exactly one of two racing creates win a name or a leader; the other gets the same CONFLICT', async () => {
    const company = await companyFixture(api);
    const [a, b] = [await lead(company), await lead(company)];
    const sameName = await Promise.allSettled([
      company.admin.api.teams.create(newTeam(a.id, { name: 'Racing' })),
      company.admin.api.teams.create(newTeam(b.id, { name: 'racing' })),
    ]);
    expect(sameName.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const lostName = sameName.find((outcome) => outcome.status === 'rejected');
    expect(lostName?.reason).toMatchObject({
      code: 'CONFLICT',
      cause: { code: 'TEAM_NAME_TAKEN' },
    });

    const c = await lead(company);
    const sameLeader = await Promise.allSettled([
      company.admin.api.teams.create(newTeam(c.id)),
      company.admin.api.teams.create(newTeam(c.id)),
    ]);
    expect(sameLeader.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const lostLeader = sameLeader.find((outcome) => outcome.status === 'rejected');
    expect(lostLeader?.reason).toMatchObject({ code: 'CONFLICT', cause: { code: 'LEADER_TAKEN' } });
    expect(
      await rows("SELECT 1 FROM events WHERE company_id = $1 AND type = 'TEAM_CREATED'", [
        company.companyId,
      ]),
    ).toHaveLength(2);
  });

  it('maps the database’s own unique violations (the race path) to the same CONFLICT', async () => {
    const company = await companyFixture(api);
    const existing = await company.admin.api.teams.create(newTeam((await lead(company)).id));
    // Past the service's checks, straight to the partial unique indexes.
    const byName = await createTeam(api.db, company.actor, {
      id: randomUUID(),
      name: existing.name.toLowerCase(),
      leaderId: (await lead(company)).id,
    }).catch((error: unknown) => error);
    expect(conflictFromUniqueViolation(byName)).toMatchObject({
      code: 'TEAM_NAME_TAKEN',
      fieldErrors: { name: [expect.any(String)] },
    });
    const byLeader = await createTeam(api.db, company.actor, {
      id: randomUUID(),
      name: 'Another',
      leaderId: existing.leader.id,
    }).catch((error: unknown) => error);
    expect(conflictFromUniqueViolation(byLeader)).toMatchObject({
      code: 'LEADER_TAKEN',
      fieldErrors: { leaderId: [expect.any(String)] },
    });
  });

  it('is for admins only', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const free = await lead(company);
    await expect(team.lead.client.api.teams.create(newTeam(free.id))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('teams.update', () => {
  it('records only the fields that changed, with its audit row', async () => {
    const company = await companyFixture(api);
    const team = await company.admin.api.teams.create(newTeam((await lead(company)).id));
    const { result, events, audits } = await writesOf(company, () =>
      company.admin.api.teams.update({
        id: team.id,
        name: team.name,
        windowEnd: '11:00',
        workDays: [5, 4, 3, 2, 1],
        description: 'Roofing',
      }),
    );
    expect(result).toMatchObject({ windowEnd: '11:00', description: 'Roofing', name: team.name });
    expect(events.map((event) => [event.type, event.payload])).toEqual([
      ['TEAM_UPDATED', { id: team.id, changes: { windowEnd: '11:00', description: 'Roofing' } }],
    ]);
    expect(audits.map((audit) => audit.action)).toEqual(['TEAM_UPDATED']);
  });

  it('writes nothing when nothing changes', async () => {
    const company = await companyFixture(api);
    const team = await company.admin.api.teams.create(newTeam((await lead(company)).id));
    const { result, events } = await writesOf(company, () =>
      company.admin.api.teams.update({ id: team.id, windowStart: '06:00', name: team.name }),
    );
    expect(result).toMatchObject({ id: team.id, windowStart: '06:00' });
    expect(events).toHaveLength(0);
  });

  it('clears the supervisor and the description with null and an empty string', async () => {
    const company = await companyFixture(api);
    const supervisor = await personFixture(api, company, 'SUPERVISOR');
    const team = await company.admin.api.teams.create(
      newTeam((await lead(company)).id, { supervisorId: supervisor.id, description: 'x' }),
    );
    const updated = await company.admin.api.teams.update({
      id: team.id,
      supervisorId: null,
      description: '',
    });
    expect(updated).toMatchObject({ supervisor: null, description: null });
  });

  it('keeps the rules of create: end after the current start, free name, free leader', async () => {
    const company = await companyFixture(api);
    const team = await company.admin.api.teams.create(newTeam((await lead(company)).id));
    const other = await teamFixture(api, company);
    const otherName = (await company.admin.api.teams.get({ id: other.id })).team.name;

    // Not a field of the input type: sent as a client that ignores the types would.
    const withColour = { id: team.id, colour: 'red' };
    const { result, events } = await writesOf(company, async () => [
      await failureOf(company.admin.api.teams.update({ id: team.id, windowEnd: '05:00' })),
      await failureOf(
        company.admin.api.teams.update({ id: team.id, name: otherName.toUpperCase() }),
      ),
      await failureOf(company.admin.api.teams.update({ id: team.id, leaderId: other.lead.id })),
      await failureOf(company.admin.api.teams.update(withColour)),
    ]);
    const [window, name, leader, unknown] = result;
    expect(window).toMatchObject({ code: 'BAD_REQUEST' });
    expect(window?.fieldErrors?.windowEnd?.[0]).toMatch(/after windowStart/);
    expect(name).toMatchObject({ code: 'CONFLICT' });
    expect(name?.fieldErrors?.name).toBeDefined();
    expect(leader).toMatchObject({ code: 'CONFLICT' });
    expect(leader?.fieldErrors?.leaderId?.[0]).toMatch(/already leads/);
    expect(unknown?.fieldErrors?.colour?.[0]).toMatch(/unknown field "colour"/);
    expect(events).toHaveLength(0);
  });

  it('hands a team to another lead, freeing the first to lead another team', async () => {
    const company = await companyFixture(api);
    const first = await lead(company);
    const team = await company.admin.api.teams.create(newTeam(first.id));
    const second = await lead(company);
    await company.admin.api.teams.update({ id: team.id, leaderId: second.id });
    const next = await company.admin.api.teams.create(newTeam(first.id));
    expect(next.leader.id).toBe(first.id);
  });

  it('is NOT_FOUND for an unknown team and another company’s team', async () => {
    const company = await companyFixture(api);
    const other = await companyFixture(api);
    const foreign = await teamFixture(api, other);
    for (const id of [randomUUID(), foreign.id]) {
      await expect(
        company.admin.api.teams.update({ id, description: 'mine now' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('teams.deactivate', () => {
  it('unassigns every member in the same transaction, each with its own event, and keeps every row', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const a = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const b = await personFixture(api, company, 'WORKER', { teamId: team.id });
    const { result, events, audits } = await writesOf(company, () =>
      company.admin.api.teams.deactivate({ id: team.id, reason: 'Site closed' }),
    );
    expect(result).toMatchObject({
      isActive: false,
      deactivationReason: 'Site closed',
      memberCount: 0,
    });
    expect(events.map((event) => event.type)).toEqual([
      'TEAM_DEACTIVATED',
      'TEAM_MEMBER_UNASSIGNED',
      'TEAM_MEMBER_UNASSIGNED',
    ]);
    expect(new Set(events.slice(1).map((event) => event.entity_id))).toEqual(new Set([a.id, b.id]));
    expect(events[1]?.payload).toMatchObject({ teamId: team.id, reason: 'team_deactivated' });
    expect(events[0]?.payload.unassignedPersonIds).toEqual([a.id, b.id].sort());
    expect(audits).toEqual([{ action: 'TEAM_DEACTIVATED', entity_id: team.id }]);

    const [teamRow] = await rows<{ is_active: boolean; deactivated_by_id: string }>(
      'SELECT is_active, deactivated_by_id FROM teams WHERE id = $1',
      [team.id],
    );
    expect(teamRow).toEqual({ is_active: false, deactivated_by_id: company.adminId });
    const people = await rows<{ team_id: string | null; is_active: boolean }>(
      'SELECT team_id, is_active FROM persons WHERE id = ANY($1::uuid[])',
      [[a.id, b.id]],
    );
    expect(people).toEqual([
      { team_id: null, is_active: true },
      { team_id: null, is_active: true },
    ]);
    await expect(a.client.api.checkIn.submit(good)).rejects.toMatchObject({
      cause: { reason: 'NO_TEAM' },
    });
  });

  it('requires a reason, refuses an inactive team, and writes nothing then', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    const missing = await writesOf(company, () =>
      failureOf(company.admin.api.teams.deactivate({ id: team.id, reason: ' ' })),
    );
    expect(missing.result).toMatchObject({ code: 'BAD_REQUEST' });
    expect(missing.result.fieldErrors?.reason).toEqual([
      'is required: say why the team is deactivated',
    ]);
    expect(missing.events).toHaveLength(0);
    await company.admin.api.teams.deactivate({ id: team.id, reason: 'done' });
    const again = await writesOf(company, () =>
      failureOf(company.admin.api.teams.deactivate({ id: team.id, reason: 'again' })),
    );
    expect(again.result).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already inactive/),
    });
    expect(again.events).toHaveLength(0);
  });
});

describe('teams.reactivate', () => {
  it('reactivates with one event and its audit row; the team comes back without members', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    await personFixture(api, company, 'WORKER', { teamId: team.id });
    await company.admin.api.teams.deactivate({ id: team.id, reason: 'winter' });
    const { result, types, audits } = await writesOf(company, () =>
      company.admin.api.teams.reactivate({ id: team.id }),
    );
    expect(result).toMatchObject({
      isActive: true,
      deactivatedAt: null,
      deactivationReason: null,
      memberCount: 0,
    });
    expect(types).toEqual(['TEAM_REACTIVATED']);
    expect(audits.map((audit) => audit.action)).toEqual(['TEAM_REACTIVATED']);
    const again = await failureOf(company.admin.api.teams.reactivate({ id: team.id }));
    expect(again.code).toBe('CONFLICT');
  });

  it('re-validates the leader: refused while they lead another active team', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    await company.admin.api.teams.deactivate({ id: team.id, reason: 'paused' });
    await company.admin.api.teams.create(newTeam(team.lead.id));
    const { result, events } = await writesOf(company, () =>
      failureOf(company.admin.api.teams.reactivate({ id: team.id })),
    );
    expect(result).toMatchObject({ code: 'CONFLICT' });
    expect(result.message).toMatch(/cannot be reactivated: .*already leads/);
    expect(result.fieldErrors?.leaderId).toBeDefined();
    expect(events).toHaveLength(0);
  });

  it('re-validates the leader: refused once they are no longer a TEAM_LEAD (demoted while inactive)', async () => {
    const company = await companyFixture(api);
    const team = await teamFixture(api, company);
    // Demoting the lead of an active team is refused; of an inactive one it is not.
    await expect(
      company.admin.api.people.changeRole({ personId: team.lead.id, role: 'SUPERVISOR' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await company.admin.api.teams.deactivate({ id: team.id, reason: 'paused' });
    await company.admin.api.people.changeRole({ personId: team.lead.id, role: 'SUPERVISOR' });
    const failure = await failureOf(company.admin.api.teams.reactivate({ id: team.id }));
    expect(failure.code).toBe('BAD_REQUEST');
    expect(failure.fieldErrors?.leaderId?.[0]).toMatch(/must be a TEAM_LEAD; .* is a SUPERVISOR/);
    // With a new leader it can come back.
    const successor = await lead(company);
    await company.admin.api.teams.update({ id: team.id, leaderId: successor.id });
    expect((await company.admin.api.teams.reactivate({ id: team.id })).isActive).toBe(true);
  });

  it('re-validates the name: refused while an active team has it', async () => {
    const company = await companyFixture(api);
    const team = await company.admin.api.teams.create(
      newTeam((await lead(company)).id, { name: 'Bravo' }),
    );
    await company.admin.api.teams.deactivate({ id: team.id, reason: 'paused' });
    await company.admin.api.teams.create(newTeam((await lead(company)).id, { name: 'bravo' }));
    const failure = await failureOf(company.admin.api.teams.reactivate({ id: team.id }));
    expect(failure.code).toBe('CONFLICT');
    expect(failure.fieldErrors?.name).toBeDefined();
  });
});

describe('teams.list and teams.get: who sees which team', () => {
  async function company3() {
    const company = await companyFixture(api);
    const supervisor = await personFixture(api, company, 'SUPERVISOR');
    const supervised = await teamFixture(api, company, { supervisorId: supervisor.id });
    const other = await teamFixture(api, company);
    const worker = await personFixture(api, company, 'WORKER', { teamId: supervised.id });
    await personFixture(api, company, 'WORKER', { teamId: supervised.id });
    const whs = await personFixture(api, company, 'WHS');
    return { company, supervisor, supervised, other, worker, whs };
  }

  it('shows admins and WHS every team, a supervisor the supervised ones, a lead their own; refuses workers', async () => {
    const { company, supervisor, supervised, other, worker, whs } = await company3();
    const ids = async (client: typeof company.admin) =>
      (await client.api.teams.list()).items.map((team) => team.id).sort();
    expect(await ids(company.admin)).toEqual([supervised.id, other.id].sort());
    expect(await ids(whs.client)).toEqual([supervised.id, other.id].sort());
    expect(await ids(supervisor.client)).toEqual([supervised.id]);
    expect(await ids(supervised.lead.client)).toEqual([supervised.id]);
    expect(await ids(other.lead.client)).toEqual([other.id]);
    await expect(worker.client.api.teams.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(worker.client.api.teams.get({ id: supervised.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const listed = (await company.admin.api.teams.list()).items.find(
      (team) => team.id === supervised.id,
    );
    expect(listed).toMatchObject({
      memberCount: 2,
      supervisor: { id: supervisor.id },
      leader: { id: supervised.lead.id },
    });
  });

  it('answers NOT_FOUND for a team outside the caller’s scope or company, as for one that does not exist', async () => {
    const { company, supervisor, supervised, other } = await company3();
    const foreign = await companyFixture(api);
    for (const [client, id] of [
      [supervised.lead.client, other.id],
      [supervisor.client, other.id],
      [foreign.admin, supervised.id],
      [company.admin, randomUUID()],
    ] as const) {
      const failure = await failureOf(client.api.teams.get({ id }));
      expect(failure).toMatchObject({
        code: 'NOT_FOUND',
        message: 'No team with that id is visible to you.',
      });
    }
    expect((await foreign.admin.api.teams.list()).items).toEqual([]);
  });

  it('filters by active state and searches names, taking % literally', async () => {
    const company = await companyFixture(api);
    const alpha = await company.admin.api.teams.create(
      newTeam((await lead(company)).id, { name: 'Alpha 100%' }),
    );
    const beta = await company.admin.api.teams.create(
      newTeam((await lead(company)).id, { name: 'Beta' }),
    );
    await company.admin.api.teams.deactivate({ id: beta.id, reason: 'closed' });
    const names = async (input: { active?: boolean; search?: string }) =>
      (await company.admin.api.teams.list(input)).items.map((team) => team.name);
    expect(await names({})).toEqual(['Alpha 100%']);
    expect(await names({ active: false })).toEqual(['Beta']);
    expect(await names({ search: 'alpha' })).toEqual(['Alpha 100%']);
    expect(await names({ search: '0%' })).toEqual(['Alpha 100%']);
    expect(await names({ search: '%' })).toEqual(['Alpha 100%']);
    expect(await names({ search: 'a_p' })).toEqual([]);
    expect(alpha.isActive).toBe(true);
  });

  it('gives leads, supervisors and admins each member’s status of today; WHS sees members without it', async () => {
    const { company, supervisor, supervised, worker, whs } = await company3();
    const early = await personFixture(api, company, 'WORKER', {
      teamId: supervised.id,
      windowEnd: '07:00',
    });
    await worker.client.api.checkIn.submit(good);
    const detail = await supervised.lead.client.api.teams.get({ id: supervised.id });
    expect(detail).toMatchObject({ localDate: '2026-11-27', timeZone: 'Europe/Berlin' });
    expect(detail.members).toHaveLength(3);
    const statusOf = (id: string) => detail.members.find((member) => member.id === id)?.today;
    expect(statusOf(worker.id)).toMatchObject({
      status: 'checked_in',
      readinessScore: 86,
      level: 'GREEN',
      isLate: false,
    });
    expect(statusOf(early.id)).toEqual({
      status: 'late',
      windowClosesAt: '07:00',
      minutesLate: 60,
    });
    const third = detail.members.find(
      (member) => member.id !== worker.id && member.id !== early.id,
    );
    expect(third?.today).toEqual({
      status: 'not_yet',
      windowOpensAt: '06:00',
      windowClosesAt: '10:00',
    });
    expect(third).toMatchObject({ role: 'WORKER', isActive: true, teamAssignedOn: '2026-01-01' });

    for (const reader of [supervisor.client, company.admin]) {
      const seen = await reader.api.teams.get({ id: supervised.id });
      expect(seen.members.every((member) => member.today !== null)).toBe(true);
    }
    const asWhs = await whs.client.api.teams.get({ id: supervised.id });
    expect(asWhs.members).toHaveLength(3);
    expect(asWhs.members.every((member) => member.today === null)).toBe(true);
  });

  it('reports holidays and non-work days as not due', async () => {
    const { company, supervised } = await company3();
    await holidayFixture(api, company, {
      date: '2026-11-27',
      name: 'Founders Day',
      recurring: false,
    });
    const holiday = await company.admin.api.teams.get({ id: supervised.id });
    expect(holiday.members.map((member) => member.today)).toEqual([
      { status: 'not_due', reason: 'holiday' },
      { status: 'not_due', reason: 'holiday' },
    ]);
    setClock(berlin('08:00', '2026-11-28'));
    const saturday = await company.admin.api.teams.get({ id: supervised.id });
    expect(saturday.members.map((member) => member.today?.status)).toEqual(['not_due', 'not_due']);
  });
});
