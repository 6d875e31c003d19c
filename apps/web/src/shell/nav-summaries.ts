import { paths } from '../router/paths.ts';
import type { Role } from '../trpc/types.ts';

/**
 * What each navigation page shows a role, for the home page's "Go to" links and the
 * placeholder page. Kept out of nav-items.ts, which the first page loads: both show
 * in lazily loaded code.
 */
export const navSummaries: Record<Role, Readonly<Record<string, string>>> = {
  WORKER: {
    [paths.home]: 'Your overview for today.',
    [paths.checkIn]:
      'Your daily check-in — sleep, stress, physical condition and pain — with a live readiness preview.',
    [paths.history]: 'Your past check-ins and readiness scores, including any amendments.',
    [paths.incidents]: 'Report an incident and follow your reports.',
  },
  TEAM_LEAD: {
    [paths.home]: 'Your overview for today.',
    '/my-team':
      'Who in your team has checked in today, who is on leave and who missed it; record leave and excuse misses.',
    '/analytics': 'Your team over 7, 30 or 90 days: compliance, readiness, best and worst days.',
    [paths.incidents]: 'Report an incident and follow your reports.',
  },
  SUPERVISOR: {
    [paths.home]: 'Your overview for today.',
    '/teams': 'Live status, readiness and missed check-ins for every team you supervise.',
    '/analytics': 'Your teams over 7, 30 or 90 days: compliance and readiness, by team.',
    [paths.incidents]: 'Report an incident and follow your reports.',
  },
  WHS: {
    [paths.home]: 'Your overview for today.',
    [paths.incidents]: 'Reported incidents and the cases you follow up, from open to closed.',
    '/analytics': 'Every team over 7, 30 or 90 days: compliance and readiness, by team.',
  },
  ADMIN: {
    [paths.home]: 'Your overview for today.',
    '/people': 'Invite people, set their role and team, deactivate and reactivate them.',
    '/teams': 'Teams with their leader, supervisor, check-in window and work days.',
    '/analytics': 'Every team over 7, 30 or 90 days: compliance and readiness, by team.',
    '/holidays': 'Company holidays, on which nobody is expected to check in.',
    [paths.incidents]: 'Incident and case counts, and your own reports.',
    '/audit-log': 'Every administrative change: who did what, when, and why.',
    '/settings': 'Company name, timezone and other company-wide settings.',
    '/api-tokens': 'Tokens for internal scripts and services: create, list and revoke them.',
    '/job-runs':
      'Every run of the scheduled jobs, such as missed check-in detection, and its outcome.',
    '/audit-integrity':
      'The signed checkpoints of the tamper-evident log: verify it and download the bundle for an auditor.',
  },
};
