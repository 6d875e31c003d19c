import type { ReactNode } from 'react';

export type Fact = { label: string; value: ReactNode };

/** A card of label/value pairs, two columns on wide screens. */
export function FactList({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 sm:p-6">
      {facts.map((fact) => (
        <div key={fact.label} className="min-w-0 space-y-0.5">
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">
            {fact.label}
          </dt>
          <dd className="break-words text-sm text-slate-900">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
