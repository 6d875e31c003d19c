import type { ReactNode } from 'react';
import { cx } from './class-names.ts';

export type BadgeTone = 'green' | 'slate' | 'amber' | 'red' | 'sky' | 'teal';

const tones: Record<BadgeTone, string> = {
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  slate: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/25',
  red: 'bg-red-50 text-red-800 ring-red-600/20',
  sky: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  teal: 'bg-teal-50 text-teal-800 ring-teal-600/20',
};

/** A short status in words; the colour only repeats what the words say. */
export function Badge({
  tone,
  children,
  className,
}: {
  tone: BadgeTone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span
      className={cx(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

/** Active or deactivated: every person, team and holiday has one. */
export function ActiveBadge({ active }: { active: boolean }) {
  return <Badge tone={active ? 'green' : 'slate'}>{active ? 'Active' : 'Inactive'}</Badge>;
}
