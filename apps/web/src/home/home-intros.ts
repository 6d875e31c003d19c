import type { Role } from '../trpc/types.ts';

/** One sentence per role on what its home page will show. */
export const homeIntros: Record<Role, string> = {
  WORKER: 'Check in each working day to see your readiness score, and follow your trend over time.',
  TEAM_LEAD:
    "This is where you will see your team's live status: who has checked in, how ready they are, and who missed today.",
  SUPERVISOR:
    'This is where you will compare readiness and check-in compliance across the teams you supervise.',
  WHS: 'This is where you will see open incidents and cases that need your follow-up, plus safety trends.',
  ADMIN:
    'This is where you will manage your company: people, teams, holidays and settings, with a full audit trail.',
};
