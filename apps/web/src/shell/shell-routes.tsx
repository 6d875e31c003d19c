import { type ComponentType, lazy, useEffect } from 'react';
import { rolePageFor } from '../admin/admin-routes.tsx';
import { HomePage } from '../home/home-page.tsx';
import { NotFoundPage } from '../not-found/not-found-page.tsx';
import { usePathname } from '../router/history.ts';
import { paths } from '../router/paths.ts';
import { useSignedInUser } from '../session/session-store.ts';
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
// Pages still to be built: few visits, so not in the first page either.
const PlaceholderPage = lazy(() =>
  import('../placeholder/placeholder-page.tsx').then((m) => ({ default: m.PlaceholderPage })),
);
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
  }, []);
  if (path === paths.home) return <HomePage />;
  const SharedPage = sharedPages[path];
  if (SharedPage) return <SharedPage />;
  const item = navItemsByRole[role].find((candidate) => candidate.path === path);
  if (item) {
    return (
      rolePageFor(role, item) ?? (
        <LazyArea label="Loading…">
          <PlaceholderPage item={item} />
        </LazyArea>
      )
    );
  }
  return <NotFoundPage homePath={paths.home} homeLabel="Back to home" />;
}
