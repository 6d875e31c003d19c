import type { ComponentType, ReactElement } from 'react';
import type { NavItem } from '../shell/nav-items.ts';
import { MyTeamPage } from '../team/my-team-page.tsx';
import { SupervisedTeamsPage } from '../team/supervised-teams-page.tsx';
import type { Role } from '../trpc/types.ts';
import { adminPaths } from './admin-paths.ts';
import { ApiTokensPage } from './api-tokens/api-tokens-page.tsx';
import { AuditLogPage } from './audit/audit-log-page.tsx';
import { HolidaysPage } from './holidays/holidays-page.tsx';
import { JobRunsPage } from './job-runs/job-runs-page.tsx';
import { PeoplePage } from './people/people-page.tsx';
import { SettingsPage } from './settings/settings-page.tsx';
import { TeamsAdminPage } from './teams/teams-admin-page.tsx';

/**
 * The pages behind the admin's, the team lead's and the supervisor's navigation. The
 * same path may show a different page per role: /teams manages teams for an admin and
 * shows a supervisor their own.
 */
const rolePages: Record<Role, Readonly<Record<string, ComponentType>>> = {
  ADMIN: {
    [adminPaths.people]: PeoplePage,
    [adminPaths.teams]: TeamsAdminPage,
    [adminPaths.holidays]: HolidaysPage,
    [adminPaths.auditLog]: AuditLogPage,
    [adminPaths.settings]: SettingsPage,
    [adminPaths.apiTokens]: ApiTokensPage,
    [adminPaths.jobRuns]: JobRunsPage,
  },
  SUPERVISOR: { [adminPaths.teams]: SupervisedTeamsPage },
  TEAM_LEAD: { [adminPaths.myTeam]: MyTeamPage },
  WHS: {},
  WORKER: {},
};

/** The page for one of the role's navigation items, or null while it is still a placeholder. */
export function rolePageFor(role: Role, item: NavItem): ReactElement | null {
  const Page = rolePages[role][item.path];
  return Page ? <Page /> : null;
}
