import type { ComponentType, ReactElement } from 'react';
import { PlaceholderPage } from '../placeholder/placeholder-page.tsx';
import { LazyArea, lazyPage } from '../shell/lazy-area.tsx';
import type { NavItem } from '../shell/nav-items.ts';
import type { Role } from '../trpc/types.ts';
import { adminPaths } from './admin-paths.ts';

// Every page here is its own chunk, fetched the first time it is opened: the worker's
// first page loads none of them (P4 in `pnpm bench`).
const PeoplePage = lazyPage(
  () => import('./people/people-page.tsx'),
  (m) => m.PeoplePage,
);
const TeamsAdminPage = lazyPage(
  () => import('./teams/teams-admin-page.tsx'),
  (m) => m.TeamsAdminPage,
);
const HolidaysPage = lazyPage(
  () => import('./holidays/holidays-page.tsx'),
  (m) => m.HolidaysPage,
);
const AuditLogPage = lazyPage(
  () => import('./audit/audit-log-page.tsx'),
  (m) => m.AuditLogPage,
);
const SettingsPage = lazyPage(
  () => import('./settings/settings-page.tsx'),
  (m) => m.SettingsPage,
);
const ApiTokensPage = lazyPage(
  () => import('./api-tokens/api-tokens-page.tsx'),
  (m) => m.ApiTokensPage,
);
const JobRunsPage = lazyPage(
  () => import('./job-runs/job-runs-page.tsx'),
  (m) => m.JobRunsPage,
);
const AuditIntegrityPage = lazyPage(
  () => import('./audit-integrity/audit-integrity-page.tsx'),
  (m) => m.AuditIntegrityPage,
);
const SupervisedTeamsPage = lazyPage(
  () => import('../team/supervised-teams-page.tsx'),
  (m) => m.SupervisedTeamsPage,
);
const MyTeamPage = lazyPage(
  () => import('../team/my-team-page.tsx'),
  (m) => m.MyTeamPage,
);
// Team and company analytics (charts load in a chunk of their own, when first drawn).
const AnalyticsPage = lazyPage(
  () => import('../dashboards/analytics-page.tsx'),
  (m) => m.AnalyticsPage,
);
const ANALYTICS_PATH = '/analytics';

/**
 * The pages behind the admin's, the team lead's and the supervisor's navigation. The
 * same path may show a different page per role: /teams manages teams for an admin and
 * shows a supervisor their own.
 */
const rolePages: Partial<Record<Role, Readonly<Record<string, ComponentType>>>> = {
  ADMIN: {
    [adminPaths.people]: PeoplePage,
    [adminPaths.teams]: TeamsAdminPage,
    [adminPaths.holidays]: HolidaysPage,
    [adminPaths.auditLog]: AuditLogPage,
    [adminPaths.settings]: SettingsPage,
    [adminPaths.apiTokens]: ApiTokensPage,
    [adminPaths.jobRuns]: JobRunsPage,
    [adminPaths.auditIntegrity]: AuditIntegrityPage,
    [ANALYTICS_PATH]: AnalyticsPage,
  },
  SUPERVISOR: { [adminPaths.teams]: SupervisedTeamsPage, [ANALYTICS_PATH]: AnalyticsPage },
  TEAM_LEAD: { [adminPaths.myTeam]: MyTeamPage, [ANALYTICS_PATH]: AnalyticsPage },
  WHS: { [ANALYTICS_PATH]: AnalyticsPage },
};

type RolePageProps = {
  role: Role;
  item: NavItem;
  /** The area's loading state while the page's code downloads. */
  loading: string;
};

/**
 * The page for one of the role's navigation items, or the placeholder while it has none.
 * This table is a chunk of its own too (shell-routes.tsx loads it), so the worker's first
 * page carries neither the pages nor the list of their files.
 */
export function RolePage({ role, item, loading }: RolePageProps): ReactElement {
  const Page = rolePages[role]?.[item.path];
  if (!Page) return <PlaceholderPage item={item} role={role} />;
  return (
    <LazyArea label={loading}>
      <Page />
    </LazyArea>
  );
}
