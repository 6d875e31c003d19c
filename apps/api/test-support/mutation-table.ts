import type { Role } from '@aegira/events';
import type { TestApi, TestClient } from './api-harness.ts';
import { FIXTURE_PASSWORD, GOOD_CHECK_IN, personFixture } from './fixtures.ts';
import type { MatrixWorld } from './matrix-world.ts';
import { PERMISSION_MATRIX } from './permission-matrix.ts';
import { procedureAt, signedIn } from './tenant-world.ts';

// AT-2 (issue 11): what every mutation of the router records when it succeeds. A new
// mutation without an entry here fails atomicity.int.test.ts: deciding what it writes is part
// of adding it.

export interface MutationRun {
  /** The person the events must name as their actor (null: the caller is not signed in yet). */
  actorId: string | null;
  call: () => Promise<unknown>;
}

export interface MutationEntry {
  /** The event types one successful call appends, in order ([] for marks and sessions, not state). */
  events: readonly string[];
  /** How to make a successful call; by default the matrix input as the first role it lets succeed. */
  run?: (world: MatrixWorld, api: TestApi) => Promise<MutationRun>;
}

const PREFERRED: readonly Role[] = ['ADMIN', 'WHS', 'TEAM_LEAD', 'SUPERVISOR', 'WORKER'];

/** The permission matrix's input, called by the first role it lets succeed. */
export async function matrixRun(
  path: string,
  world: MatrixWorld,
  api: TestApi,
): Promise<MutationRun> {
  const entry = PERMISSION_MATRIX[path];
  if (!entry) throw new Error(`no permission-matrix entry for ${path}`);
  if (entry.expect.anonymous === 'ok') {
    const input = await entry.input(world, api);
    const client = api.client();
    return { actorId: null, call: () => procedureAt(client, path)(input) };
  }
  const role = PREFERRED.find((candidate) => entry.expect[candidate] === 'ok');
  if (!role) throw new Error(`${path}: no role succeeds in the matrix; give it a run`);
  const client = await signedIn(api, world.accounts[role]);
  const input = await entry.input(world, api);
  return { actorId: world.accounts[role].id, call: () => procedureAt(client, path)(input) };
}

const asAdmin = (world: MatrixWorld, api: TestApi) => signedIn(api, world.accounts.ADMIN);
const run = (actorId: string, call: () => Promise<unknown>): MutationRun => ({ actorId, call });

/** A worker new to the matrix team, signed in. */
async function newTeamWorker(world: MatrixWorld, api: TestApi) {
  return personFixture(api, world.company, 'WORKER', { teamId: world.teamId });
}

async function firstNotification(client: TestClient): Promise<string> {
  const [first] = (await client.api.notifications.list({ filter: 'all' })).items;
  if (!first) throw new Error('the lead has no notification');
  return first.id;
}

/** The lead's notifications after a RED check-in of their team (the alert notifies them). */
async function leadWithNotification(world: MatrixWorld, api: TestApi) {
  const worker = await newTeamWorker(world, api);
  await worker.client.api.checkIn.submit({
    ...GOOD_CHECK_IN,
    painLevel: 8,
    painLocation: 'lower_back',
  });
  const lead = await signedIn(api, world.accounts.TEAM_LEAD);
  return { lead, id: await firstNotification(lead) };
}

export const MUTATION_TABLE: Record<string, MutationEntry> = {
  'alerts.recordCountermeasure': { events: ['COUNTERMEASURE_RECORDED'] },
  'apiTokens.create': { events: ['API_TOKEN_CREATED'] },
  'apiTokens.revoke': { events: ['API_TOKEN_REVOKED'] },
  'auditChain.signCheckpoint': { events: ['AUDIT_CHECKPOINT_SIGNED'] },
  // Queues a verification job; the job's run is operational state, not an event.
  'auditChain.startVerify': { events: [] },
  // A session is not a state change of the company; signing out revokes the person's sessions
  // (their token version), which is.
  'auth.login': { events: [] },
  'auth.logout': { events: ['PERSON_SESSIONS_REVOKED'] },
  'auth.signUp': { events: ['COMPANY_CREATED', 'PERSON_CREATED'] },
  'cases.addNote': { events: ['CASE_NOTE_ADDED'] },
  'cases.reassign': { events: ['CASE_REASSIGNED'] },
  'cases.transition': { events: ['CASE_STATUS_CHANGED'] },
  'checkIn.amend': { events: ['CHECK_IN_UPDATED'] },
  'checkIn.submit': {
    events: ['CHECK_IN_SUBMITTED'],
    run: async (world, api) => {
      const worker = await newTeamWorker(world, api);
      return run(worker.id, () => worker.client.api.checkIn.submit(GOOD_CHECK_IN));
    },
  },
  'company.updateSettings': { events: ['COMPANY_UPDATED'] },
  'holidays.create': { events: ['HOLIDAY_CREATED'] },
  'holidays.deactivate': { events: ['HOLIDAY_DEACTIVATED'] },
  'holidays.update': { events: ['HOLIDAY_UPDATED'] },
  'incidents.approve': { events: ['INCIDENT_APPROVED', 'CASE_OPENED'] },
  'incidents.reject': { events: ['INCIDENT_REJECTED'] },
  'incidents.report': { events: ['INCIDENT_REPORTED'] },
  'leave.cancel': { events: ['LEAVE_CANCELLED'] },
  'leave.record': { events: ['LEAVE_RECORDED'] },
  'missedCheckIns.excuse': { events: ['MISSED_CHECK_IN_EXCUSED'] },
  // Read and archived marks are the recipient's, not events (decision 015).
  'notifications.archive': {
    events: [],
    run: async (world, api) => {
      const { lead, id } = await leadWithNotification(world, api);
      return run(world.accounts.TEAM_LEAD.id, () => lead.api.notifications.archive({ id }));
    },
  },
  'notifications.markAllRead': { events: [] },
  'notifications.markRead': {
    events: [],
    run: async (world, api) => {
      const { lead, id } = await leadWithNotification(world, api);
      return run(world.accounts.TEAM_LEAD.id, () => lead.api.notifications.markRead({ id }));
    },
  },
  'people.changeRole': { events: ['PERSON_ROLE_CHANGED'] },
  'people.create': { events: ['PERSON_CREATED'] },
  'people.deactivate': { events: ['PERSON_DEACTIVATED'] },
  'people.erase': {
    events: ['PERSON_ERASED'],
    run: async (world, api) => {
      const admin = await asAdmin(world, api);
      const person = await personFixture(api, world.company, 'WORKER');
      await admin.api.people.deactivate({ personId: person.id, reason: 'left the company' });
      return run(world.accounts.ADMIN.id, () =>
        admin.api.people.erase({ personId: person.id, reason: 'asked for erasure' }),
      );
    },
  },
  'people.reactivate': {
    events: ['PERSON_REACTIVATED'],
    run: async (world, api) => {
      const admin = await asAdmin(world, api);
      const person = await personFixture(api, world.company, 'WHS');
      await admin.api.people.deactivate({ personId: person.id, reason: 'to come back' });
      return run(world.accounts.ADMIN.id, () =>
        admin.api.people.reactivate({ personId: person.id }),
      );
    },
  },
  'people.resetPassword': { events: ['PERSON_PASSWORD_RESET'] },
  'people.update': { events: ['PERSON_UPDATED'] },
  'profile.changePassword': {
    events: ['PERSON_PASSWORD_CHANGED'],
    run: async (world, api) => {
      const person = await personFixture(api, world.company, 'WORKER');
      return run(person.id, () =>
        person.client.api.profile.changePassword({
          currentPassword: FIXTURE_PASSWORD,
          newPassword: 'a-new-long-password-2026',
        }),
      );
    },
  },
  'profile.update': { events: ['PERSON_UPDATED'] },
  'teams.assignMember': { events: ['TEAM_MEMBER_ASSIGNED'] },
  'teams.cancelTransfer': {
    events: ['TEAM_TRANSFER_CANCELLED'],
    run: async (world, api) => {
      const admin = await asAdmin(world, api);
      const worker = await newTeamWorker(world, api);
      const lead = await personFixture(api, world.company, 'TEAM_LEAD');
      const other = await admin.api.teams.create({
        name: `Other ${worker.id.slice(0, 8)}`,
        leaderId: lead.id,
      });
      await admin.api.teams.assignMember({ personId: worker.id, teamId: other.id });
      return run(world.accounts.ADMIN.id, () =>
        admin.api.teams.cancelTransfer({ personId: worker.id }),
      );
    },
  },
  'teams.create': { events: ['TEAM_CREATED'] },
  'teams.deactivate': { events: ['TEAM_DEACTIVATED'] },
  'teams.reactivate': {
    events: ['TEAM_REACTIVATED'],
    run: async (world, api) => {
      const admin = await asAdmin(world, api);
      const lead = await personFixture(api, world.company, 'TEAM_LEAD');
      const team = await admin.api.teams.create({
        name: `Back ${lead.id.slice(0, 8)}`,
        leaderId: lead.id,
      });
      await admin.api.teams.deactivate({ id: team.id, reason: 'to come back' });
      return run(world.accounts.ADMIN.id, () => admin.api.teams.reactivate({ id: team.id }));
    },
  },
  'teams.update': { events: ['TEAM_UPDATED'] },
};
