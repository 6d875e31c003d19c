import { Link } from '../router/link.tsx';

/** Up one level, e.g. from a person to the people list. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Link
      to={to}
      className="inline-flex items-center gap-1 rounded-sm text-sm font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-700"
    >
      <span aria-hidden="true">←</span>
      {children}
    </Link>
  );
}
