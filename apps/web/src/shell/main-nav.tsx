import { usePathname } from '../router/history.ts';
import { Link } from '../router/link.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { cx } from '../ui/class-names.ts';
import { navItemsByRole } from './nav-items.ts';

export function MainNav() {
  const { role } = useSignedInUser();
  const path = usePathname();
  return (
    <nav aria-label="Main" className="md:w-52 md:shrink-0">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
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
