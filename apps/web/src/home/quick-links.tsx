import { Link } from '../router/link.tsx';
import type { NavItem } from '../shell/nav-items.ts';
import { navSummaries } from '../shell/nav-summaries.ts';
import type { Role } from '../trpc/types.ts';

export function QuickLinks({ role, items }: { role: Role; items: readonly NavItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="quick-links-heading" className="space-y-3">
      <h2 id="quick-links-heading" className="text-sm font-semibold text-slate-900">
        Go to
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {items.map((item) => (
          <li key={item.path}>
            <Link
              to={item.path}
              className="block h-full rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 transition hover:ring-teal-300 focus-visible:outline-2 focus-visible:outline-teal-700"
            >
              <span className="block font-medium text-slate-900">{item.label}</span>
              <span className="mt-1 block text-sm text-slate-600">
                {navSummaries[role][item.path]}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
