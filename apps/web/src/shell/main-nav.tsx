import { usePathname } from '../router/history.ts';
import { Link } from '../router/link.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { cx } from '../ui/class-names.ts';
import { navItemsByRole } from './nav-items.ts';

export function MainNav() {
  const { role } = useSignedInUser();
  const path = usePathname();
  return (
    // Narrow screens scroll the items sideways: a fade at the right edge says there is more,
    // and the padding keeps focus outlines inside the scrolling box, which would clip them.
    <nav
      aria-label="Main"
      className="relative -mx-1 after:pointer-events-none after:absolute after:inset-y-0 after:right-0 after:w-10 after:bg-linear-to-l after:from-slate-50 after:to-transparent md:mx-0 md:w-52 md:shrink-0 md:after:hidden"
    >
      <ul className="flex gap-1 overflow-x-auto p-1 pr-10 md:flex-col md:pr-1">
        {navItemsByRole[role].map((item) => {
          const current = item.path === path;
          return (
            <li key={item.path} className="shrink-0">
              <Link
                to={item.path}
                aria-current={current ? 'page' : undefined}
                className={cx(
                  'block rounded-lg px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-teal-700',
                  current
                    ? 'bg-teal-50 text-teal-800'
                    : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
