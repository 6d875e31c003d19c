import { useEffect, useId, useRef } from 'react';
import { Link } from '../router/link.tsx';
import { paths } from '../router/paths.ts';
import { Button } from '../ui/button.tsx';
import { CheckInAnswers } from './check-in-answers.tsx';
import { AmendedBadge, LateBadge } from './check-in-badges.tsx';
import type { CheckIn } from './check-in-types.ts';
import { FactorBreakdown } from './factor-breakdown.tsx';
import { formatLocalDate, formatTimeIn } from './format.ts';
import { ReadinessScore } from './readiness-score.tsx';
import type { CheckInOutcome } from './use-check-in-form.ts';

const noticeText: Record<CheckInOutcome, string> = {
  submitted: 'Thank you — your check-in is in.',
  amended: 'Your amendment is saved. The earlier answers stay in your history.',
  'already-checked-in': 'You had already checked in today, so here is that check-in.',
};

type CheckInResultProps = {
  checkIn: CheckIn;
  timeZone: string;
  /** What just happened, if anything; the result takes focus so it is read out. */
  outcome: CheckInOutcome | null;
  onAmend: () => void;
};

/** Today's check-in: score, level, factor breakdown and answers, with the way to amend it. */
export function CheckInResult({ checkIn, timeZone, outcome, onAmend }: CheckInResultProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The form (and the focused button) just went away: move focus to what replaced it.
    if (outcome !== null) headingRef.current?.focus();
  }, [outcome]);
  const submittedAt = formatTimeIn(checkIn.submittedAt, timeZone);
  const amendedAt = checkIn.amendedAt ? formatTimeIn(checkIn.amendedAt, timeZone) : null;
  return (
    <section aria-labelledby={headingId} className="space-y-5">
      {outcome && (
        <p
          role="status"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          {noticeText[outcome]}
        </p>
      )}
      <div className="space-y-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="space-y-1">
            <h2
              id={headingId}
              ref={headingRef}
              tabIndex={-1}
              className="text-lg font-semibold text-slate-900 focus:outline-none"
            >
              Today’s readiness
            </h2>
            <p className="text-sm text-slate-600">
              {formatLocalDate(checkIn.localDate)} · checked in at {submittedAt}
              {amendedAt && <> · amended at {amendedAt}</>}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            {checkIn.isLate && <LateBadge minutesLate={checkIn.minutesLate} />}
            {checkIn.version > 1 && <AmendedBadge version={checkIn.version} />}
          </div>
        </div>
        <ReadinessScore scores={checkIn.scores} />
        <div className="grid gap-8 md:grid-cols-2">
          <div className="space-y-3">
            <h3 className="text-sm font-semibold text-slate-900">Factor breakdown</h3>
            <FactorBreakdown scores={checkIn.scores} />
          </div>
          <div className="space-y-3">
            <h3 className="text-sm font-semibold text-slate-900">Your answers</h3>
            <CheckInAnswers inputs={checkIn.inputs} />
          </div>
        </div>
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button onClick={onAmend}>Amend today’s check-in</Button>
        <Link
          to={paths.history}
          className="text-center text-sm font-medium text-teal-700 underline-offset-2 hover:underline sm:px-3"
        >
          View your history
        </Link>
      </div>
    </section>
  );
}
