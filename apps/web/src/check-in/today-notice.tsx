import type { ReactNode } from 'react';
import { cx } from '../ui/class-names.ts';
import type { TodaySummary, TodayTone } from './status-wording.ts';

const toneClasses: Record<TodayTone, string> = {
  done: 'border-emerald-500 bg-emerald-50/60',
  due: 'border-teal-600 bg-teal-50/60',
  late: 'border-orange-500 bg-orange-50/60',
  waiting: 'border-sky-500 bg-sky-50/60',
  off: 'border-slate-400 bg-white',
  blocked: 'border-amber-500 bg-amber-50/60',
};

type TodayNoticeProps = {
  summary: TodaySummary;
  /** One line above the form rather than a panel of its own. */
  compact?: boolean;
  children?: ReactNode;
};

/** Today's status in plain words (see status-wording.ts), with room for the next step. */
export function TodayNotice({ summary, compact = false, children }: TodayNoticeProps) {
  return (
    <div
      className={cx(
        'rounded-xl border-l-4 shadow-sm ring-1 ring-slate-200',
        compact ? 'px-4 py-3' : 'space-y-4 px-5 py-5',
        toneClasses[summary.tone],
      )}
    >
      <div className="space-y-1">
        <p className={cx('font-semibold text-slate-900', compact ? 'text-sm' : 'text-lg')}>
          {summary.headline}
        </p>
        {summary.detail && <p className="text-sm text-slate-700">{summary.detail}</p>}
      </div>
      {children && <div className="flex flex-wrap items-center gap-3">{children}</div>}
    </div>
  );
}
