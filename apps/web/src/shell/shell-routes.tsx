import { HomePage } from '../home/home-page.tsx';
import { NotFoundPage } from '../not-found/not-found-page.tsx';
import { PlaceholderPage } from '../placeholder/placeholder-page.tsx';
import { usePathname } from '../router/history.ts';
import { paths } from '../router/paths.ts';
import { useSignedInUser } from '../session/session-store.ts';
import { navItemsByRole } from './nav-items.ts';

/** The signed-in pages: home, the role's other pages, or not found. */
export function ShellRoutes() {
  const { role } = useSignedInUser();
  const path = usePathname();
  if (path === paths.home) return <HomePage />;
  const item = navItemsByRole[role].find((candidate) => candidate.path === path);
  if (item) return <PlaceholderPage item={item} />;
  return <NotFoundPage homePath={paths.home} homeLabel="Back to home" />;
}
