import type { Role } from '../trpc/types.ts';

/** One sentence per role on what they can do here. */
export const homeIntros: Record<Role, string> = {
  WORKER: 'Check in each working day to see your readiness score, and follow your trend over time.',
  TEAM_LEAD:
    "See your team's status today: who has checked in, how ready they are, who is on leave and who missed it.",
  SUPERVISOR: 'See the teams you supervise and who has checked in today.',
  WHS: 'Review reported incidents, open a case for each you approve and follow it from open to closed.',
  ADMIN:
    'Manage your company: people, teams, holidays, settings and API tokens, with a full audit trail and the scheduled jobs’ runs.',
};
