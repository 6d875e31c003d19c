import { useId, useState } from 'react';
import { AmendedBadge, LateBadge } from '../check-in/check-in-badges.tsx';
import type { CheckIn } from '../check-in/check-in-types.ts';
import { formatLocalDate, formatTimeIn } from '../check-in/format.ts';
import { ReadinessScore } from '../check-in/readiness-score.tsx';
import { cx } from '../ui/class-names.ts';
import { CheckInVersions } from './check-in-versions.tsx';

/** One day in the history: the summary, and on request every version of it. */
export function HistoryItem({ checkIn, timeZone }: { checkIn: CheckIn; timeZone: string }) {
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const panelId = useId();
  const date = formatLocalDate(checkIn.localDate);
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex items-start justify-between gap-4 p-4 sm:items-center">
        <div className="min-w-0 space-y-1">
          <h3 id={headingId} className="font-medium text-slate-900">
            {date}
          </h3>
          <p className="text-xs text-slate-500">
            Checked in at {formatTimeIn(checkIn.submittedAt, timeZone)}
          </p>
          {(checkIn.isLate || checkIn.version > 1) && (
            <div className="flex flex-wrap gap-2 pt-1">
              {checkIn.isLate && <LateBadge minutesLate={checkIn.minutesLate} />}
              {checkIn.version > 1 && <AmendedBadge version={checkIn.version} />}
            </div>
          )}
        </div>
        <div className="flex shrink-0 flex-col items-end gap-3 sm:flex-row sm:items-center sm:gap-6">
          <ReadinessScore scores={checkIn.scores} size="small" />
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((value) => !value)}
            className="inline-flex items-center gap-1.5 rounded-lg px-3 py-2 text-sm font-medium text-teal-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
          >
            {open ? 'Hide details' : 'Show details'}
            <span className="sr-only"> for {date}</span>
            <svg
              aria-hidden="true"
              viewBox="0 0 20 20"
              className={cx('size-4 fill-current transition-transform', open && 'rotate-180')}
            >
              <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z" />
            </svg>
          </button>
        </div>
      </div>
      {/* Always present so aria-controls points somewhere; the versions load on first open. */}
      <div id={panelId} hidden={!open} className="border-t border-slate-100 p-4">
        {open && <CheckInVersions checkInId={checkIn.id} timeZone={timeZone} />}
      </div>
    </article>
  );
}
