import type { RouterInputs } from '../src/trpc/router.ts';
import type { TestApi, TestClient } from './api-harness.ts';
import { personFixture } from './fixtures.ts';
import type { Account, MatrixWorld } from './matrix-world.ts';
import type { Expectation, MatrixEntry, Outcome } from './permission-matrix.ts';

// Incidents and cases (issue 9): anyone reports and reads their own reports; WHS
// does everything; admins see counts only. A separate file so the shared matrix
// only spreads it in.

async function signedIn(api: TestApi, account: Account): Promise<TestClient> {
  const client = api.client();
  await client.api.auth.login({
    company: account.company,
    email: account.email,
    password: account.password,
  });
  return client;
}

export const reportInput = (): RouterInputs['incidents']['report'] => ({
  type: 'NEAR_MISS',
  severity: 'LOW',
  title: 'Forklift reversed without a spotter',
  location: 'Dock 3',
  description: 'Nobody was hurt; the beeper was off.',
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  peopleInvolvedIds: [],
});

/** A pending report by the matrix worker. */
const pendingIncident = async (world: MatrixWorld, api: TestApi) => {
  const worker = await signedIn(api, world.accounts.WORKER);
  return (await worker.api.incidents.report(reportInput())).id;
};

/** An open case: the worker's report approved by the matrix WHS officer. */
const openCase = async (world: MatrixWorld, api: TestApi) => {
  const incidentId = await pendingIncident(world, api);
  const whs = await signedIn(api, world.accounts.WHS);
  const approved = await whs.api.incidents.approve({ incidentId });
  if (!approved.case) throw new Error('approval opened no case');
  return approved.case.id;
};

function outcomes(
  roles: Partial<Record<'ADMIN' | 'WHS' | 'SUPERVISOR' | 'TEAM_LEAD' | 'WORKER', Outcome>>,
  otherRoles: Outcome,
  foreignAdmin: Outcome,
): Expectation {
  return {
    anonymous: 'UNAUTHORIZED',
    ADMIN: roles.ADMIN ?? otherRoles,
    WHS: roles.WHS ?? otherRoles,
    SUPERVISOR: roles.SUPERVISOR ?? otherRoles,
    TEAM_LEAD: roles.TEAM_LEAD ?? otherRoles,
    WORKER: roles.WORKER ?? otherRoles,
    foreignAdmin,
  };
}

const whsOnly = outcomes({ WHS: 'ok' }, 'FORBIDDEN', 'FORBIDDEN');

export const INCIDENT_MATRIX: Record<string, MatrixEntry> = {
  // Everyone reports (in their own company: another company's admin reports there).
  'incidents.report': { input: reportInput, expect: outcomes({}, 'ok', 'ok') },
  'incidents.listMine': { input: () => ({}), expect: outcomes({}, 'ok', 'ok') },
  'incidents.list': { input: () => ({}), expect: whsOnly },
  // The reporter and WHS read it; to anyone else (admins included) it does not exist.
  'incidents.get': {
    input: async (world, api) => ({ incidentId: await pendingIncident(world, api) }),
    expect: outcomes({ WHS: 'ok', WORKER: 'ok' }, 'NOT_FOUND', 'NOT_FOUND'),
  },
  // Counts without content: WHS and admins (another company's admin gets theirs).
  'incidents.counts': {
    input: () => undefined,
    expect: outcomes({ WHS: 'ok', ADMIN: 'ok' }, 'FORBIDDEN', 'ok'),
  },
  'incidents.approve': {
    // The officer is named: a WHS-scope token acts as its issuing admin, who cannot take the case.
    input: async (world, api) => ({
      incidentId: await pendingIncident(world, api),
      assigneeId: world.accounts.WHS.id,
    }),
    expect: whsOnly,
  },
  'incidents.reject': {
    input: async (world, api) => ({
      incidentId: await pendingIncident(world, api),
      reason: 'NOT_AN_INCIDENT',
      explanation: 'Matrix check',
    }),
    expect: whsOnly,
  },
  'incidents.officers': { input: () => undefined, expect: whsOnly },
  // Names only, for naming who was involved in a report.
  'incidents.colleagues': { input: () => undefined, expect: outcomes({}, 'ok', 'ok') },
  'incidents.dashboard': { input: () => undefined, expect: whsOnly },
  'incidents.analytics': { input: () => ({ days: 30 }), expect: whsOnly },
  'cases.list': { input: () => ({}), expect: whsOnly },
  'cases.get': {
    input: async (world, api) => ({ caseId: await openCase(world, api) }),
    expect: whsOnly,
  },
  'cases.transition': {
    input: async (world, api) => ({ caseId: await openCase(world, api), to: 'INVESTIGATING' }),
    expect: whsOnly,
  },
  'cases.reassign': {
    input: async (world, api) => ({
      caseId: await openCase(world, api),
      assigneeId: (await personFixture(api, world.company, 'WHS')).id,
    }),
    expect: whsOnly,
  },
  'cases.addNote': {
    input: async (world, api) => ({ caseId: await openCase(world, api), text: 'Matrix note' }),
    expect: whsOnly,
  },
};
