import { paths } from '../router/paths.ts';
import type { Role } from '../trpc/types.ts';

export type NavItem = {
  path: string;
  label: string;
};

const home: NavItem = { path: paths.home, label: 'Home' };
/** Everyone reports incidents and follows their own reports. */
const incidents: NavItem = {
  path: paths.incidents,
  label: 'Incidents',
};

/** The navigation of each role. A path not listed for a role is "not found" for it. */
export const navItemsByRole: Record<Role, readonly NavItem[]> = {
  WORKER: [
    home,
    {
      path: paths.checkIn,
      label: 'Check-in',
    },
    {
      path: paths.history,
      label: 'History',
    },
    incidents,
  ],
  TEAM_LEAD: [
    home,
    {
      path: '/my-team',
      label: 'My team',
    },
    {
      path: '/analytics',
      label: 'Analytics',
    },
    incidents,
  ],
  SUPERVISOR: [
    home,
    {
      path: '/teams',
      label: 'Teams',
    },
    {
      path: '/analytics',
      label: 'Analytics',
    },
    incidents,
  ],
  WHS: [
    home,
    {
      path: paths.incidents,
      label: 'Incidents',
    },
    {
      path: '/analytics',
      label: 'Analytics',
    },
  ],
  ADMIN: [
    home,
    {
      path: '/people',
      label: 'People',
    },
    {
      path: '/teams',
      label: 'Teams',
    },
    {
      path: '/analytics',
      label: 'Analytics',
    },
    {
      path: '/holidays',
      label: 'Holidays',
    },
    {
      path: paths.incidents,
      label: 'Incidents',
    },
    {
      path: '/audit-log',
      label: 'Audit log',
    },
    {
      path: '/settings',
      label: 'Settings',
    },
    {
      path: '/api-tokens',
      label: 'API tokens',
    },
    {
      path: '/job-runs',
      label: 'Job runs',
    },
    {
      path: '/audit-integrity',
      label: 'Audit integrity',
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
