import type { ComponentType } from 'react';
import { rolePageFor } from '../admin/admin-routes.tsx';
import { CheckInPage } from '../check-in/check-in-page.tsx';
import { HistoryPage } from '../history/history-page.tsx';
import { HomePage } from '../home/home-page.tsx';
import { NotFoundPage } from '../not-found/not-found-page.tsx';
import { PlaceholderPage } from '../placeholder/placeholder-page.tsx';
import { usePathname } from '../router/history.ts';
import { paths } from '../router/paths.ts';
import { useSignedInUser } from '../session/session-store.ts';
import { navItemsByRole } from './nav-items.ts';

/**
 * Pages open to every role. Anyone on a team may check in (the server decides, and the
 * page explains when not), though only workers have these in their navigation.
 */
const sharedPages: Readonly<Record<string, ComponentType>> = {
  [paths.checkIn]: CheckInPage,
  [paths.history]: HistoryPage,
};

/** The signed-in pages: home, the role's other pages, or not found. */
export function ShellRoutes() {
  const { role } = useSignedInUser();
  const path = usePathname();
  if (path === paths.home) return <HomePage />;
  const SharedPage = sharedPages[path];
  if (SharedPage) return <SharedPage />;
  const item = navItemsByRole[role].find((candidate) => candidate.path === path);
  if (item) return rolePageFor(role, item) ?? <PlaceholderPage item={item} />;
  return <NotFoundPage homePath={paths.home} homeLabel="Back to home" />;
}
