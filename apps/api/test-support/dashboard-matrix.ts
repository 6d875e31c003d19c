import type { Role } from '@aegira/events';
import type { Expectation, MatrixEntry, Outcome } from './permission-matrix.ts';

// Dashboards and analytics (issue 17): everyone reads their own figures; leads,
// supervisors, admins and WHS read the teams in their scope (another company's
// team is NOT_FOUND); the company views are for supervisors, admins and WHS;
// the workforce overview for admins and WHS. A separate file so the shared
// matrix only spreads it in.

function outcomes(
  ok: readonly Role[],
  foreignAdmin: Outcome,
  denied: Outcome = 'FORBIDDEN',
): Expectation {
  const of = (role: Role): Outcome => (ok.includes(role) ? 'ok' : denied);
  return {
    anonymous: 'UNAUTHORIZED',
    ADMIN: of('ADMIN'),
    WHS: of('WHS'),
    SUPERVISOR: of('SUPERVISOR'),
    TEAM_LEAD: of('TEAM_LEAD'),
    WORKER: of('WORKER'),
    foreignAdmin,
  };
}

const TEAM_READERS: Role[] = ['ADMIN', 'WHS', 'SUPERVISOR', 'TEAM_LEAD'];
const EVERYONE: Role[] = [...TEAM_READERS, 'WORKER'];

export const DASHBOARD_MATRIX: Record<string, MatrixEntry> = {
  'dashboards.worker': { input: () => undefined, expect: outcomes(EVERYONE, 'ok') },
  'dashboards.team': {
    input: (world) => ({ teamId: world.teamId }),
    expect: outcomes(TEAM_READERS, 'NOT_FOUND'),
  },
  'dashboards.supervisorOverview': {
    input: () => undefined,
    expect: outcomes(['ADMIN', 'WHS', 'SUPERVISOR'], 'ok'),
  },
  'dashboards.workforce': { input: () => undefined, expect: outcomes(['ADMIN', 'WHS'], 'ok') },
  'analytics.team': {
    input: (world) => ({ teamId: world.teamId, days: 30 }),
    expect: outcomes(TEAM_READERS, 'NOT_FOUND'),
  },
  'analytics.company': {
    input: () => ({ days: 7 }),
    expect: outcomes(['ADMIN', 'WHS', 'SUPERVISOR'], 'ok'),
  },
  'analytics.workerHistory': {
    // The matrix worker's own history: every reader of the team, and the worker; not another company.
    input: (world) => ({
      personId: world.accounts.WORKER.id,
      from: '2026-01-01',
      to: '2026-12-31',
    }),
    expect: outcomes(EVERYONE, 'NOT_FOUND'),
  },
};
