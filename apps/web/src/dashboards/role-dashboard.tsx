import { QuickLinks } from '../home/quick-links.tsx';
import { Link } from '../router/link.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { navItemsByRole } from '../shell/nav-items.ts';
import type { Role } from '../trpc/types.ts';
import { textLinkClassName } from '../ui/link-styles.ts';
import { ANALYTICS_PATH } from './dashboard-values.ts';
import { SupervisorOverview } from './supervisor-overview.tsx';
import { TeamTodayPanel } from './team-today-panel.tsx';
import { WorkerDashboard } from './worker-dashboard.tsx';
import { WorkforceOverview } from './workforce-overview.tsx';

/** The home page's figures for the signed-in role (fetched after the first page, with its data). */
export function RoleDashboard() {
  const { role } = useSignedInUser();
  if (role === 'WORKER') return <WorkerDashboard />;
  // A worker's check-in card links to their pages, so they get no "Go to" list.
  const destinations = navItemsByRole[role].filter((item) => item.path !== '/');
  return (
    <div className="space-y-8">
      <Figures role={role} />
      <QuickLinks role={role} items={destinations} />
    </div>
  );
}

function Figures({ role }: { role: Exclude<Role, 'WORKER'> }) {
  switch (role) {
    case 'TEAM_LEAD':
      return (
        <div className="space-y-3">
          <TeamTodayPanel />
          <Link to={ANALYTICS_PATH} className={textLinkClassName}>
            Your team’s analytics over 7, 30 or 90 days
          </Link>
        </div>
      );
    case 'SUPERVISOR':
      return <SupervisorOverview title="Your teams today" />;
    case 'ADMIN':
      return (
        <div className="space-y-8">
          <WorkforceOverview />
          <SupervisorOverview title="Teams today" />
        </div>
      );
    case 'WHS':
      return (
        <div className="space-y-3">
          <SupervisorOverview title="Every team today" />
          <Link to={ANALYTICS_PATH} className={textLinkClassName}>
            Analytics over 7, 30 or 90 days
          </Link>
        </div>
      );
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}
