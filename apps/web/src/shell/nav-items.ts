import { paths } from '../router/paths.ts';
import type { Role } from '../trpc/types.ts';

export type NavItem = {
  path: string;
  label: string;
  /** What the page will show this role; the placeholder page and the home page use it. */
  summary: string;
};

const home: NavItem = { path: paths.home, label: 'Home', summary: 'Your overview for today.' };
/** Everyone reports incidents and follows their own reports. */
const incidents: NavItem = {
  path: paths.incidents,
  label: 'Incidents',
  summary: 'Report an incident and follow your reports.',
};

/** The navigation of each role. A path not listed for a role is "not found" for it. */
export const navItemsByRole: Record<Role, readonly NavItem[]> = {
  WORKER: [
    home,
    {
      path: paths.checkIn,
      label: 'Check-in',
      summary:
        'Your daily check-in — sleep, stress, physical condition and pain — with a live readiness preview.',
    },
    {
      path: paths.history,
      label: 'History',
      summary: 'Your past check-ins and readiness scores, including any amendments.',
    },
    incidents,
  ],
  TEAM_LEAD: [
    home,
    {
      path: '/my-team',
      label: 'My team',
      summary:
        'Who in your team has checked in today, who is on leave and who missed it; record leave and excuse misses.',
    },
    {
      path: '/analytics',
      label: 'Analytics',
      summary: 'Your team over 7, 30 or 90 days: compliance, readiness, best and worst days.',
    },
    incidents,
  ],
  SUPERVISOR: [
    home,
    {
      path: '/teams',
      label: 'Teams',
      summary: 'Live status, readiness and missed check-ins for every team you supervise.',
    },
    {
      path: '/analytics',
      label: 'Analytics',
      summary: 'Your teams over 7, 30 or 90 days: compliance and readiness, by team.',
    },
    incidents,
  ],
  WHS: [
    home,
    {
      path: paths.incidents,
      label: 'Incidents',
      summary: 'Reported incidents and the cases you follow up, from open to closed.',
    },
    {
      path: '/analytics',
      label: 'Analytics',
      summary: 'Every team over 7, 30 or 90 days: compliance and readiness, by team.',
    },
  ],
  ADMIN: [
    home,
    {
      path: '/people',
      label: 'People',
      summary: 'Invite people, set their role and team, deactivate and reactivate them.',
    },
    {
      path: '/teams',
      label: 'Teams',
      summary: 'Teams with their leader, supervisor, check-in window and work days.',
    },
    {
      path: '/analytics',
      label: 'Analytics',
      summary: 'Every team over 7, 30 or 90 days: compliance and readiness, by team.',
    },
    {
      path: '/holidays',
      label: 'Holidays',
      summary: 'Company holidays, on which nobody is expected to check in.',
    },
    {
      path: paths.incidents,
      label: 'Incidents',
      summary: 'Incident and case counts, and your own reports.',
    },
    {
      path: '/audit-log',
      label: 'Audit log',
      summary: 'Every administrative change: who did what, when, and why.',
    },
    {
      path: '/settings',
      label: 'Settings',
      summary: 'Company name, timezone and other company-wide settings.',
    },
    {
      path: '/api-tokens',
      label: 'API tokens',
      summary: 'Tokens for internal scripts and services: create, list and revoke them.',
    },
    {
      path: '/job-runs',
      label: 'Job runs',
      summary:
        'Every run of the scheduled jobs, such as missed check-in detection, and its outcome.',
    },
    {
      path: '/audit-integrity',
      label: 'Audit integrity',
      summary:
        'The signed checkpoints of the tamper-evident log: verify it and download the bundle for an auditor.',
    },
  ],
};

const appPaths = new Set([
  ...Object.values(navItemsByRole).flatMap((items) => items.map((i) => i.path)),
  // Every role's, reached from the header rather than the navigation.
  paths.profile,
  paths.notifications,
]);

/** Whether some role has this page (so a signed-out visitor should log in first). */
export function isAppPath(path: string): boolean {
  return appPaths.has(path);
}

export const roleLabels: Record<Role, string> = {
  ADMIN: 'Admin',
  WHS: 'WHS officer',
  SUPERVISOR: 'Supervisor',
  TEAM_LEAD: 'Team lead',
  WORKER: 'Worker',
};
