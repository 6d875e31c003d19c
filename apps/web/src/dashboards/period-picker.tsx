import { Link } from '../router/link.tsx';
import { cx } from '../ui/class-names.ts';
import { analyticsSearch, PERIODS, type Period } from './dashboard-values.ts';

/** 7, 30 or 90 days, as links (the period is part of the address, so it can be shared). */
export function PeriodPicker({ teamId, days }: { teamId: string | null; days: Period }) {
  return (
    <nav aria-label="Period">
      <ul className="inline-flex gap-1 rounded-lg bg-white p-1 shadow-sm ring-1 ring-slate-200">
        {PERIODS.map((period) => (
          <li key={period}>
            <Link
              to={analyticsSearch(teamId, period)}
              aria-current={period === days ? 'page' : undefined}
              className={cx(
                'block rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-teal-700',
                period === days ? 'bg-teal-700 text-white' : 'text-slate-700 hover:bg-slate-100',
              )}
            >
              {period} days
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
