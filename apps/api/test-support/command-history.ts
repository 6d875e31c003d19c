import fc from 'fast-check';
import type pg from 'pg';
import type { TestApi, TestClient } from './api-harness.ts';
import { firstLogin, GOOD_CHECK_IN } from './fixtures.ts';

// Random command histories for property tests (the replay property, state as of a date):
// steps drawn by fast-check, each run as the admin or a worker of one of the companies.

const PASSWORD = 'property-password-2026';

/** What the steps run against: the API and an owner connection (to pick targets past RLS). */
export interface CommandContext {
  api: TestApi;
  owner: pg.Client;
}

/** A company signed up for a property run, with something to act on (populate). */
export async function newWorld(api: TestApi): Promise<World> {
  const { client, user } = await api.signUpCompany();
  const world: World = {
    companyId: user.company.id,
    slug: user.company.slug,
    admin: client,
    clients: new Map(),
  };
  await populate(api, world);
  return world;
}

export const KINDS = [
  'createWorker',
  'createLead',
  'createSupervisor',
  'createTeam',
  'assign',
  'cancelTransfer',
  'updatePerson',
  'deactivatePerson',
  'reactivatePerson',
  'changeRole',
  'updateTeam',
  'deactivateTeam',
  'reactivateTeam',
  'createHoliday',
  'updateHoliday',
  'deactivateHoliday',
  'settings',
  'submit',
  'amend',
  'nextDay',
  'createToken',
  'revokeToken',
] as const;
export type Kind = (typeof KINDS)[number];

/** Edits that may ask for what is already there: they succeed and, changing nothing, record nothing. */
export const MAY_CHANGE_NOTHING: ReadonlySet<Kind> = new Set([
  'updatePerson',
  'updateTeam',
  'updateHoliday',
  'settings',
]);

export interface Step {
  kind: Kind;
  company: 0 | 1;
  a: number;
  b: number;
}

export const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...KINDS),
  company: fc.constantFrom<0 | 1>(0, 1),
  a: fc.nat(50),
  b: fc.nat(50),
});

export interface World {
  companyId: string;
  slug: string;
  admin: TestClient;
  /** Signed-in clients of the people created, by id. */
  clients: Map<string, TestClient>;
}

interface Rows {
  persons: Array<{ id: string; role: string; is_active: boolean; team_id: string | null }>;
  teams: Array<{ id: string; is_active: boolean; leader_id: string }>;
  holidays: Array<{ id: string; is_active: boolean }>;
  tokens: Array<{ id: string; revoked_at: Date | null }>;
}

async function rowsOf(owner: pg.Client, companyId: string): Promise<Rows> {
  const q = async <T extends pg.QueryResultRow>(sql: string) =>
    (await owner.query<T>(sql, [companyId])).rows;
  return {
    // The admin who signed up is left out: their own guards (no self-deactivation) are tested elsewhere.
    persons: await q(
      `SELECT id, role, is_active, team_id FROM persons
       WHERE company_id = $1 AND role <> 'ADMIN' ORDER BY id`,
    ),
    teams: await q('SELECT id, is_active, leader_id FROM teams WHERE company_id = $1 ORDER BY id'),
    holidays: await q('SELECT id, is_active FROM holidays WHERE company_id = $1 ORDER BY id'),
    tokens: await q('SELECT id, revoked_at FROM api_tokens WHERE company_id = $1 ORDER BY id'),
  };
}

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

const ROLES = ['WORKER', 'TEAM_LEAD', 'SUPERVISOR', 'WHS'] as const;
let counter = 0;

async function createPerson(
  api: TestApi,
  world: World,
  role: string,
  teamId: string | null,
): Promise<string> {
  counter += 1;
  const email = `p${counter}-${world.companyId.slice(0, 8)}@example.test`;
  const person = await world.admin.api.people.create({
    email,
    firstName: 'Pat',
    lastName: `No${counter}`,
    role: role as (typeof ROLES)[number],
    teamId,
    password: PASSWORD,
  });
  const client = api.client();
  await firstLogin(client, { company: world.slug, email }, PASSWORD);
  world.clients.set(person.id, client);
  return person.id;
}

/** Runs one step; false when it had nothing to act on and issued no command. */
export async function runStep(
  { api, owner }: CommandContext,
  world: World,
  step: Step,
  clock: { day: number },
): Promise<boolean> {
  const rows = await rowsOf(owner, world.companyId);
  const person = pick(rows.persons, step.a);
  const workers = rows.persons.filter((p) => p.role === 'WORKER');
  const worker = pick(workers, step.a);
  const team = pick(rows.teams, step.b);
  const activeTeams = rows.teams.filter((t) => t.is_active);
  const admin = world.admin.api;
  switch (step.kind) {
    case 'createWorker':
      await createPerson(api, world, 'WORKER', pick(activeTeams, step.b)?.id ?? null);
      return true;
    case 'createLead':
      await createPerson(api, world, 'TEAM_LEAD', null);
      return true;
    case 'createSupervisor':
      await createPerson(api, world, 'SUPERVISOR', null);
      return true;
    case 'createTeam': {
      const lead = pick(
        rows.persons.filter((p) => p.role === 'TEAM_LEAD'),
        step.a,
      );
      if (!lead) return false;
      await admin.teams.create({ name: `Crew ${step.b % 6}`, leaderId: lead.id });
      return true;
    }
    case 'assign':
      if (!worker || !team) return false;
      await admin.teams.assignMember({ personId: worker.id, teamId: team.id });
      return true;
    case 'cancelTransfer':
      if (!worker) return false;
      await admin.teams.cancelTransfer({ personId: worker.id });
      return true;
    case 'updatePerson':
      if (!person) return false;
      await admin.people.update({ personId: person.id, phone: `+44 20 7946 ${1000 + step.b}` });
      return true;
    case 'deactivatePerson':
      if (!person) return false;
      await admin.people.deactivate({ personId: person.id, reason: 'property test' });
      return true;
    case 'reactivatePerson':
      if (!person) return false;
      await admin.people.reactivate({ personId: person.id });
      return true;
    case 'changeRole': {
      if (!person) return false;
      const role = ROLES[step.b % ROLES.length] ?? 'WORKER';
      const teamId = role === 'WORKER' ? pick(activeTeams, step.b)?.id : undefined;
      await admin.people.changeRole({ personId: person.id, role, ...(teamId ? { teamId } : {}) });
      return true;
    }
    case 'updateTeam':
      if (!team) return false;
      await admin.teams.update({
        id: team.id,
        windowStart: step.b % 2 === 0 ? '05:00' : '06:00',
        ...(step.a % 3 === 0 ? { name: `Crew ${step.a % 6}` } : {}),
      });
      return true;
    case 'deactivateTeam':
      if (!team) return false;
      await admin.teams.deactivate({ id: team.id, reason: 'property test' });
      return true;
    case 'reactivateTeam':
      if (!team) return false;
      await admin.teams.reactivate({ id: team.id });
      return true;
    case 'createHoliday':
      await admin.holidays.create({
        date: `2026-12-${String(1 + (step.a % 28)).padStart(2, '0')}`,
        name: `Day ${step.b}`,
        recurring: step.b % 2 === 0,
      });
      return true;
    case 'updateHoliday': {
      const holiday = pick(rows.holidays, step.a);
      if (!holiday) return false;
      await admin.holidays.update({ holidayId: holiday.id, name: `Renamed ${step.b}` });
      return true;
    }
    case 'deactivateHoliday': {
      const holiday = pick(rows.holidays, step.a);
      if (!holiday) return false;
      await admin.holidays.deactivate({ holidayId: holiday.id });
      return true;
    }
    case 'settings':
      await admin.company.updateSettings({ name: `Company ${step.a}` });
      return true;
    case 'submit':
    case 'amend': {
      const client = worker ? world.clients.get(worker.id) : undefined;
      if (!client) return false;
      const inputs = { ...GOOD_CHECK_IN, stressLevel: 1 + (step.b % 10) };
      await (step.kind === 'submit'
        ? client.api.checkIn.submit(inputs)
        : client.api.checkIn.amend(inputs));
      return true;
    }
    case 'nextDay':
      clock.day += 1;
      return false;
    case 'createToken':
      await admin.apiTokens.create({ name: `token ${step.a}`, scope: 'READ_ONLY' });
      return true;
    case 'revokeToken': {
      const token = pick(rows.tokens, step.a);
      if (!token) return false;
      await admin.apiTokens.revoke({ id: token.id });
      return true;
    }
    default: {
      const unhandled: never = step.kind;
      throw new Error(`unknown step ${String(unhandled)}`);
    }
  }
}

/** A starting company with something to act on: two teams of two workers, a supervisor. */
export async function populate(api: TestApi, world: World): Promise<void> {
  await createPerson(api, world, 'SUPERVISOR', null);
  for (let team = 0; team < 2; team += 1) {
    const leaderId = await createPerson(api, world, 'TEAM_LEAD', null);
    const created = await world.admin.api.teams.create({ name: `Site ${team}`, leaderId });
    await createPerson(api, world, 'WORKER', created.id);
    await createPerson(api, world, 'WORKER', created.id);
  }
}
