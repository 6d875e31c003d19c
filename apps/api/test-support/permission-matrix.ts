import { randomUUID } from 'node:crypto';
import { event, executeCommand } from '@aegira/db';
import type { Role } from '@aegira/events';
import type { TestApi } from './api-harness.ts';
import { DASHBOARD_MATRIX } from './dashboard-matrix.ts';
import { holidayFixture, personFixture } from './fixtures.ts';
import { INCIDENT_MATRIX } from './incident-matrix.ts';
import type { MatrixWorld, TokenScope } from './matrix-world.ts';

/**
 * What a caller experiences: 'ok' (success), 'rejected' (allowed, but refused
 * by a business rule or input check), or a denial.
 */
export type Outcome = 'ok' | 'rejected' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHORIZED';
export type Caller = 'anonymous' | Role | 'foreignAdmin';
export type Expectation = Record<Caller, Outcome>;

export interface MatrixEntry {
  /** Built anew for every call, so a mutation never changes another call's target. */
  input(world: MatrixWorld, api: TestApi): unknown | Promise<unknown>;
  expect: Expectation;
  /** public: needs no credentials; session: a person in a browser session only, never an API token. */
  access?: 'public' | 'session';
}

/**
 * What an API token of a scope may do, derived from the role rows: the WHS and
 * ADMIN scopes act as that role; READ_ONLY reads as an admin and changes nothing;
 * session-only procedures refuse every token.
 */
export function tokenExpectation(
  entry: MatrixEntry,
  type: 'query' | 'mutation' | 'subscription',
  scope: TokenScope,
): Outcome {
  if (entry.access === 'public') return entry.expect.anonymous;
  if (entry.access === 'session') return 'FORBIDDEN';
  if (scope === 'READ_ONLY') return type === 'query' ? entry.expect.ADMIN : 'FORBIDDEN';
  return entry.expect[scope];
}

type RoleOutcomes = Record<Role, Outcome>;

function expectation(
  roles: RoleOutcomes,
  foreignAdmin: Outcome,
  anonymous: Outcome = 'UNAUTHORIZED',
) {
  return { anonymous, ...roles, foreignAdmin };
}

const everyRole = (outcome: Outcome): RoleOutcomes => ({
  ADMIN: outcome,
  WHS: outcome,
  SUPERVISOR: outcome,
  TEAM_LEAD: outcome,
  WORKER: outcome,
});
const adminOnly = (foreignAdmin: Outcome) =>
  expectation({ ...everyRole('FORBIDDEN'), ADMIN: 'ok' }, foreignAdmin);
/** Readers of other people's data: everyone but workers. */
const readers = (foreignAdmin: Outcome) =>
  expectation({ ...everyRole('ok'), WORKER: 'FORBIDDEN' }, foreignAdmin);

const unique = () => randomUUID().slice(0, 8);
const freshPerson = async (world: MatrixWorld, api: TestApi, role: Role = 'WHS') =>
  personFixture(api, world.company, role);
const futureDate = () => {
  const day = 1 + Math.floor(Math.random() * 28);
  const month = 1 + Math.floor(Math.random() * 12);
  return `${2040 + Math.floor(Math.random() * 50)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};
const checkInInput = {
  hoursSlept: 7,
  sleepQuality: 6,
  stressLevel: 4,
  physicalCondition: 7,
  painLevel: 0,
};

/** A worker new to the matrix team (led by the world's lead), so each call acts on its own person. */
const teamWorker = async (world: MatrixWorld, api: TestApi) =>
  (await personFixture(api, world.company, 'WORKER', { teamId: world.teamId })).id;
/** A new person, deactivated (as erasure requires). */
const formerPerson = async (world: MatrixWorld, api: TestApi) => {
  const person = await freshPerson(world, api);
  await executeCommand(api.db, world.company.actor, async () => [
    event('PERSON_DEACTIVATED', {
      id: person.id,
      reason: 'matrix test',
      deactivatedAt: new Date().toISOString(),
      deactivatedById: world.company.adminId,
      tokenVersion: 1,
    }),
  ]);
  return person.id;
};
/** An open miss of a new worker of the matrix team. */
const openMiss = async (world: MatrixWorld, api: TestApi) => {
  const id = randomUUID();
  await executeCommand(api.db, world.company.actor, async () => [
    event('MISSED_CHECK_IN_DETECTED', {
      id,
      personId: await teamWorker(world, api),
      teamId: world.teamId,
      localDate: '2026-01-05',
      detectedAt: '2026-01-05T09:10:00.000Z',
      snapshot: null,
    }),
  ]);
  return id;
};
/** Active leave of a new worker of the matrix team. */
const activeLeave = async (world: MatrixWorld, api: TestApi) => {
  const id = randomUUID();
  await executeCommand(api.db, world.company.actor, async () => [
    event('LEAVE_RECORDED', {
      id,
      personId: await teamWorker(world, api),
      type: 'ANNUAL',
      startDate: '2040-03-02',
      endDate: '2040-03-06',
      note: null,
      recordedById: world.company.adminId,
    }),
  ]);
  return id;
};
/** The alert of a new worker of the matrix team, raised by their RED check-in. */
const openAlert = async (world: MatrixWorld, api: TestApi) => {
  const worker = await personFixture(api, world.company, 'WORKER', { teamId: world.teamId });
  await worker.client.api.checkIn.submit({
    ...checkInInput,
    painLevel: 8,
    painLocation: 'lower_back',
  });
  const [alert] = (await worker.client.api.alerts.list({})).items;
  if (!alert) throw new Error('the RED check-in raised no alert');
  return alert.id;
};
/** An admin, or the lead of the target's team; another company's admin does not find it. */
const leadOrAdmin = expectation(
  { ...everyRole('FORBIDDEN'), ADMIN: 'ok', TEAM_LEAD: 'ok' },
  'NOT_FOUND',
);

/**
 * Every procedure of the router and who may call it. A new procedure without
 * an entry fails the test: deciding its permissions is part of adding it.
 */
export const PERMISSION_MATRIX: Record<string, MatrixEntry> = {
  'auth.signUp': {
    access: 'public',
    input: () => ({
      company: { name: `Matrix ${unique()}`, timezone: 'UTC' },
      admin: {
        firstName: 'M',
        lastName: 'X',
        email: `m-${unique()}@example.test`,
        password: 'matrix-password-1',
      },
    }),
    expect: expectation(everyRole('ok'), 'ok', 'ok'),
  },
  'auth.login': {
    access: 'public',
    input: (world) => ({
      company: world.accounts.WORKER.company,
      email: world.accounts.WORKER.email,
      password: world.accounts.WORKER.password,
    }),
    expect: expectation(everyRole('ok'), 'ok', 'ok'),
  },
  'auth.logout': {
    access: 'session',
    input: () => undefined,
    expect: expectation(everyRole('ok'), 'ok'),
  },
  'auth.me': {
    access: 'public',
    input: () => undefined,
    expect: expectation(everyRole('ok'), 'ok', 'ok'),
  },

  'checkIn.status': { input: () => undefined, expect: expectation(everyRole('ok'), 'ok') },
  // Only people on a team can check in; the worker has already done so today.
  'checkIn.submit': {
    input: () => checkInInput,
    expect: expectation(everyRole('rejected'), 'rejected'),
  },
  'checkIn.amend': {
    input: () => checkInInput,
    expect: expectation({ ...everyRole('NOT_FOUND'), WORKER: 'ok' }, 'NOT_FOUND'),
  },
  'checkIn.today': { input: () => undefined, expect: expectation(everyRole('ok'), 'ok') },
  // Another person's history is filtered, never refused: what is not readable is absent.
  'checkIn.history': {
    input: (world) => ({ personId: world.accounts.WORKER.id, limit: 5 }),
    expect: expectation(everyRole('ok'), 'ok'),
  },
  'checkIn.get': {
    input: (world) => ({ id: world.checkInId }),
    expect: expectation(everyRole('ok'), 'NOT_FOUND'),
  },

  'checkIn.forDate': {
    input: (world) => ({ date: world.checkInDate }),
    expect: expectation(everyRole('ok'), 'ok'),
  },

  // Filtered by the access policy, never refused: a worker sees their own.
  'leave.list': { input: () => ({}), expect: expectation(everyRole('ok'), 'ok') },
  'leave.record': {
    input: async (world, api) => ({
      personId: await teamWorker(world, api),
      type: 'SICK',
      startDate: '2040-01-05',
      endDate: '2040-01-09',
    }),
    expect: leadOrAdmin,
  },
  'leave.cancel': {
    input: async (world, api) => ({ leaveId: await activeLeave(world, api) }),
    expect: leadOrAdmin,
  },
  'missedCheckIns.list': {
    input: () => ({ limit: 5 }),
    expect: expectation(everyRole('ok'), 'ok'),
  },
  // Readable like the check-ins they come from: every role its own scope (a worker their own).
  'alerts.list': { input: () => ({}), expect: expectation(everyRole('ok'), 'ok') },
  // The team's lead and supervisor, WHS and admins; not the worker.
  'alerts.recordCountermeasure': {
    input: async (world, api) => ({
      alertId: await openAlert(world, api),
      type: 'MONITORED',
      note: 'Matrix check',
    }),
    expect: expectation({ ...everyRole('ok'), WORKER: 'FORBIDDEN' }, 'NOT_FOUND'),
  },

  'missedCheckIns.excuse': {
    input: async (world, api) => ({ missId: await openMiss(world, api), reason: 'Flat tyre' }),
    expect: leadOrAdmin,
  },

  // Another company's admin sees their own company's runs.
  'jobs.runs': { input: () => ({ limit: 5 }), expect: adminOnly('ok') },

  'apiTokens.create': {
    access: 'session',
    input: () => ({ name: `Token ${unique()}`, scope: 'READ_ONLY' }),
    expect: adminOnly('ok'),
  },
  'apiTokens.list': { access: 'session', input: () => undefined, expect: adminOnly('ok') },
  'apiTokens.revoke': {
    access: 'session',
    input: async (world, api) => {
      const admin = api.client();
      await admin.api.auth.login({
        company: world.accounts.ADMIN.company,
        email: world.accounts.ADMIN.email,
        password: world.accounts.ADMIN.password,
      });
      return {
        id: (await admin.api.apiTokens.create({ name: `Doomed ${unique()}`, scope: 'WHS' }))
          .apiToken.id,
      };
    },
    expect: adminOnly('NOT_FOUND'),
  },

  'audit.list': { input: () => ({ limit: 5 }), expect: adminOnly('ok') },
  // Audit integrity (issue 15): an admin's browser session acts on its own company's chain.
  'auditChain.integrity': { access: 'session', input: () => undefined, expect: adminOnly('ok') },
  'auditChain.signCheckpoint': {
    access: 'session',
    input: () => undefined,
    expect: adminOnly('ok'),
  },
  'auditChain.startVerify': { access: 'session', input: () => undefined, expect: adminOnly('ok') },
  'auditChain.verifyStatus': { access: 'session', input: () => ({}), expect: adminOnly('ok') },
  'events.forEntity': {
    input: (world) => ({ entityType: 'person', entityId: world.accounts.WORKER.id, limit: 5 }),
    expect: adminOnly('ok'),
  },

  'company.get': { input: () => undefined, expect: expectation(everyRole('ok'), 'ok') },
  'company.updateSettings': {
    input: () => ({ name: `Renamed ${unique()}` }),
    expect: adminOnly('ok'),
  },

  'holidays.list': { input: () => ({}), expect: expectation(everyRole('ok'), 'ok') },
  'holidays.create': {
    input: () => ({ date: futureDate(), name: `Holiday ${unique()}`, recurring: false }),
    expect: adminOnly('ok'),
  },
  'holidays.update': {
    input: (world) => ({ holidayId: world.holidayId, name: `Matrix ${unique()}` }),
    expect: adminOnly('NOT_FOUND'),
  },
  'holidays.deactivate': {
    input: async (world, api) => ({
      holidayId: await holidayFixture(api, world.company, {
        date: futureDate(),
        name: `Gone ${unique()}`,
        recurring: false,
      }),
    }),
    expect: adminOnly('NOT_FOUND'),
  },

  'people.list': { input: () => ({}), expect: readers('ok') },
  'people.get': {
    input: (world) => ({ id: world.accounts.WORKER.id }),
    expect: readers('NOT_FOUND'),
  },
  'people.create': {
    input: () => ({
      email: `new-${unique()}@example.test`,
      firstName: 'New',
      lastName: 'Person',
      role: 'WHS',
      password: 'a-new-long-password',
    }),
    expect: adminOnly('ok'),
  },
  'people.update': {
    input: (world) => ({
      personId: world.accounts.WORKER.id,
      phone: `+49 ${Math.floor(Math.random() * 1e8)}`,
    }),
    expect: adminOnly('NOT_FOUND'),
  },
  'people.changeRole': {
    input: async (world, api) => ({
      personId: (await freshPerson(world, api)).id,
      role: 'SUPERVISOR',
    }),
    expect: adminOnly('NOT_FOUND'),
  },
  'people.deactivate': {
    input: async (world, api) => ({
      personId: (await freshPerson(world, api)).id,
      reason: 'matrix test',
    }),
    expect: adminOnly('NOT_FOUND'),
  },
  // A deactivated person's health data erased (decision 039); admins only.
  'people.erase': {
    input: async (world, api) => ({
      personId: await formerPerson(world, api),
      reason: 'matrix test',
    }),
    expect: adminOnly('NOT_FOUND'),
  },
  // Sets a credential: an admin in a browser session, never an API token.
  // Admins only; a foreign admin sees its own company's (none of this one's).
  'people.failedLogins': { input: () => ({ hours: 24 }), expect: adminOnly('ok') },
  'people.resetPassword': {
    access: 'session',
    input: async (world, api) => ({ personId: (await freshPerson(world, api)).id }),
    expect: adminOnly('NOT_FOUND'),
  },
  'people.reactivate': {
    input: (world) => ({ personId: world.accounts.WORKER.id }),
    // Reactivating an active person is refused as a conflict, after the permission check.
    expect: expectation({ ...everyRole('FORBIDDEN'), ADMIN: 'rejected' }, 'NOT_FOUND'),
  },

  // Every signed-in person may open their live stream; what it delivers to whom is pinned in
  // live-updates.int.test.ts (the caller sees the stream open, not its messages).
  'live.updates': {
    access: 'session',
    input: () => undefined,
    expect: expectation(everyRole('ok'), 'ok'),
  },

  // Every role has its own notifications; an id that is not the caller's is not found, so
  // the ownership of each is pinned in notifications.int.test.ts.
  'notifications.list': {
    access: 'session',
    input: () => ({ filter: 'all' }),
    expect: expectation(everyRole('ok'), 'ok'),
  },
  'notifications.unreadCount': {
    access: 'session',
    input: () => undefined,
    expect: expectation(everyRole('ok'), 'ok'),
  },
  'notifications.markRead': {
    access: 'session',
    input: () => ({ id: randomUUID() }),
    expect: expectation(everyRole('NOT_FOUND'), 'NOT_FOUND'),
  },
  'notifications.markAllRead': {
    access: 'session',
    input: () => undefined,
    expect: expectation(everyRole('ok'), 'ok'),
  },
  'notifications.archive': {
    access: 'session',
    input: () => ({ id: randomUUID() }),
    expect: expectation(everyRole('NOT_FOUND'), 'NOT_FOUND'),
  },

  'profile.get': {
    access: 'session',
    input: () => undefined,
    expect: expectation(everyRole('ok'), 'ok'),
  },
  'profile.update': {
    access: 'session',
    input: () => ({ phone: '+49 30 1234' }),
    expect: expectation(everyRole('ok'), 'ok'),
  },
  'profile.changePassword': {
    access: 'session',
    input: () => ({ currentPassword: 'not the current one', newPassword: 'another-long-password' }),
    expect: expectation(everyRole('rejected'), 'rejected'),
  },

  'teams.list': { input: () => ({}), expect: readers('ok') },
  'teams.get': { input: (world) => ({ id: world.teamId }), expect: readers('NOT_FOUND') },
  'teams.create': {
    input: async (world, api) => ({
      name: `Team ${unique()}`,
      leaderId: (await freshPerson(world, api, 'TEAM_LEAD')).id,
    }),
    // Another company's lead cannot lead a team of ours: refused as bad input.
    expect: adminOnly('rejected'),
  },
  'teams.update': {
    input: (world) => ({ id: world.teamId, description: `Updated ${unique()}` }),
    expect: adminOnly('NOT_FOUND'),
  },
  'teams.deactivate': {
    input: async (world, api) => {
      const lead = await freshPerson(world, api, 'TEAM_LEAD');
      const admin = api.client();
      await admin.api.auth.login({
        company: world.accounts.ADMIN.company,
        email: world.accounts.ADMIN.email,
        password: world.accounts.ADMIN.password,
      });
      const team = await admin.api.teams.create({ name: `Doomed ${unique()}`, leaderId: lead.id });
      return { id: team.id, reason: 'matrix test' };
    },
    expect: adminOnly('NOT_FOUND'),
  },
  'teams.reactivate': {
    input: (world) => ({ id: world.teamId }),
    expect: expectation({ ...everyRole('FORBIDDEN'), ADMIN: 'rejected' }, 'NOT_FOUND'),
  },
  'teams.assignMember': {
    input: async (world, api) => ({
      personId: (await freshPerson(world, api, 'WORKER')).id,
      teamId: world.teamId,
    }),
    expect: adminOnly('NOT_FOUND'),
  },
  'teams.cancelTransfer': {
    input: (world) => ({ personId: world.accounts.WORKER.id }),
    // No transfer is pending: refused after the permission check.
    expect: expectation({ ...everyRole('FORBIDDEN'), ADMIN: 'rejected' }, 'NOT_FOUND'),
  },
  ...INCIDENT_MATRIX,
  ...DASHBOARD_MATRIX,
};
