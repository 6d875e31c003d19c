import { type ComponentType, useEffect } from 'react';
import { HomePage } from '../home/home-page.tsx';
import { NotFoundPage } from '../not-found/not-found-page.tsx';
import { usePathname } from '../router/history.ts';
import { paths } from '../router/paths.ts';
import { useSignedInUser } from '../session/session-store.ts';
import type { Role } from '../trpc/types.ts';
import { LazyArea, lazyPage } from './lazy-area.tsx';
import { navItemsByRole } from './nav-items.ts';

// The check-in form and the history (with its chart) are fetched when first opened, not
// with the first page; the check-in, a worker's next step, is fetched once the shell is up.
const loadCheckInPage = () => import('../check-in/check-in-page.tsx');
const CheckInPage = lazyPage(loadCheckInPage, (m) => m.CheckInPage);
const ProfilePage = lazyPage(
  () => import('../profile/profile-page.tsx'),
  (m) => m.ProfilePage,
);
const NotificationsPage = lazyPage(
  () => import('../notifications/notifications-page.tsx'),
  (m) => m.NotificationsPage,
);
// The other roles' pages (admin, team, analytics) behind a routing table that is its own
// chunk: the first page carries neither the pages nor the list of their files.
const loadRolePages = () => import('../admin/admin-routes.tsx');
const RolePage = lazyPage(loadRolePages, (m) => m.RolePage);
/** What a role's page area says while its code downloads. */
const roleLoading: Record<Role, string> = {
  ADMIN: 'Loading the admin screen…',
  SUPERVISOR: 'Loading your teams…',
  TEAM_LEAD: 'Loading your team…',
  WHS: 'Loading…',
  WORKER: 'Loading…',
};
const HistoryPage = lazyPage(
  () => import('../history/history-page.tsx'),
  (m) => m.HistoryPage,
);
// Every role reports incidents; WHS works them. Its own chunk, never in the first page.
const IncidentsPage = lazyPage(
  () => import('../incidents/incidents-page.tsx'),
  (m) => m.IncidentsPage,
);

/**
 * Pages open to every role. Anyone on a team may check in (the server decides, and the
 * page explains when not), though only workers have these in their navigation.
 */
const sharedPages: Readonly<Record<string, ComponentType>> = {
  [paths.checkIn]: CheckInArea,
  [paths.history]: HistoryArea,
  [paths.notifications]: NotificationsArea,
  [paths.profile]: ProfileArea,
  [paths.incidents]: IncidentsArea,
};

function IncidentsArea() {
  return (
    <LazyArea label="Loading incidents…">
      <IncidentsPage />
    </LazyArea>
  );
}

function ProfileArea() {
  return (
    <LazyArea label="Loading your profile…">
      <ProfilePage />
    </LazyArea>
  );
}

function NotificationsArea() {
  return (
    <LazyArea label="Loading your notifications…">
      <NotificationsPage />
    </LazyArea>
  );
}

function CheckInArea() {
  return (
    <LazyArea label="Loading the check-in…">
      <CheckInPage />
    </LazyArea>
  );
}

function HistoryArea() {
  return (
    <LazyArea label="Loading your history…">
      <HistoryPage />
    </LazyArea>
  );
}

/** The signed-in pages: home, the role's other pages, or not found. */
export function ShellRoutes() {
  const { role } = useSignedInUser();
  const path = usePathname();
  useEffect(() => {
    // A failed prefetch is retried when the page is opened, where the area reports it.
    loadCheckInPage().catch(() => {});
    if (role !== 'WORKER') loadRolePages().catch(() => {});
  }, [role]);
  if (path === paths.home) return <HomePage />;
  const SharedPage = sharedPages[path];
  if (SharedPage) return <SharedPage />;
  const item = navItemsByRole[role].find((candidate) => candidate.path === path);
  if (item) {
    // Keyed by path: a page that failed to load does not keep its neighbours from loading.
    return (
      <LazyArea key={path} label={roleLoading[role]}>
        <RolePage role={role} item={item} loading={roleLoading[role]} />
      </LazyArea>
    );
  }
  return <NotFoundPage homePath={paths.home} homeLabel="Back to home" />;
}
