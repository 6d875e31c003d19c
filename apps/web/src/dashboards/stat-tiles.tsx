import type { ReactNode } from 'react';

export type Stat = {
  label: string;
  value: string;
  /** A short line under the value: the definition, or what it is out of. */
  detail?: ReactNode;
};

/** Key figures as a description list: each label read with its value. */
export function StatTiles({ stats, label }: { stats: readonly Stat[]; label: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {stats.map((stat) => (
        <div
          key={stat.label}
          className="flex flex-col gap-1 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
        >
          <dt className="text-sm font-medium text-slate-600">{stat.label}</dt>
          <dd className="order-first text-2xl font-semibold text-slate-900 tabular-nums">
            {stat.value}
          </dd>
          {stat.detail && <dd className="text-xs text-slate-600">{stat.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** Says which calendar the dates follow (product.md: every screen says so). */
export function TimeZoneNote({ timeZone }: { timeZone: string }) {
  return <p className="text-xs text-slate-600">Dates are company dates, in {timeZone}.</p>;
}
