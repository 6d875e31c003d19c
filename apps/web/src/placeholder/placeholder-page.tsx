import { Link } from '../router/link.tsx';
import { paths } from '../router/paths.ts';
import type { NavItem } from '../shell/nav-items.ts';
import { navSummaries } from '../shell/nav-summaries.ts';
import type { Role } from '../trpc/types.ts';
import { PageHeading } from '../ui/page-heading.tsx';

/** A page whose feature arrives in a later milestone: says what it will hold. */
export function PlaceholderPage({ item, role }: { item: NavItem; role: Role }) {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading title={item.label}>{item.label}</PageHeading>
        <p className="max-w-2xl text-slate-600">{navSummaries[role][item.path]}</p>
      </div>
      <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
        <p className="font-medium text-slate-900">Nothing here yet</p>
        <p className="mt-1 text-sm text-slate-600">
          This part of AEGIRA is on its way.{' '}
          <Link
            to={paths.home}
            className="font-medium text-teal-700 underline-offset-2 hover:underline"
          >
            Back to home
          </Link>
        </p>
      </div>
    </div>
  );
}
