import { computeReadiness } from '@aegira/domain';
import { useId } from 'react';
import { cx } from '../ui/class-names.ts';
import type { CheckInFormValues } from './check-in-form-values.ts';
import { FactorBreakdown } from './factor-breakdown.tsx';
import { LevelBadge } from './level-badge.tsx';
import { ReadinessScore } from './readiness-score.tsx';

/** The score the answers would get, worked out in the browser by the server's own formula. */
export function ReadinessPreview({
  values,
  className,
}: {
  values: CheckInFormValues;
  className?: string;
}) {
  const headingId = useId();
  // The sliders only ever hold valid values, so the preview never waits for validation.
  const preview = computeReadiness(values);
  return (
    <section
      aria-labelledby={headingId}
      className={cx(
        'space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200',
        className,
      )}
    >
      <div className="space-y-1">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          Readiness preview
        </h2>
        <p className="text-xs text-slate-500">Updates as you answer.</p>
      </div>
      <ReadinessScore scores={preview} />
      {/* One short sentence for screen readers; the panel itself would be read in full on every step. */}
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        Preview: readiness {preview.readinessScore}, {preview.level}
      </p>
      <FactorBreakdown scores={preview} />
      <p className="border-t border-slate-100 pt-3 text-xs text-slate-500">
        The same formula scores your check-in when you submit it.
      </p>
    </section>
  );
}

/**
 * On narrow screens the preview panel sits below the form, out of sight while the sliders
 * move, so this bar keeps the score in view. Hidden from screen readers: the panel's live
 * sentence already announces every change.
 */
export function ReadinessPreviewBar({ values }: { values: CheckInFormValues }) {
  const preview = computeReadiness(values);
  return (
    // data-preview-bar: while it is on the page, index.html keeps the bottom of the screen
    // out of focus scrolling (scroll-padding), so a focused slider's hint lands above the bar.
    <div
      data-preview-bar
      aria-hidden="true"
      className="sticky bottom-3 z-10 flex items-center justify-between gap-3 rounded-xl bg-slate-900/95 px-4 py-2.5 text-white shadow-lg lg:hidden"
    >
      <span className="text-sm">Readiness preview</span>
      <span className="flex items-center gap-2">
        <span className="text-xl font-semibold tabular-nums">{preview.readinessScore}</span>
        <LevelBadge level={preview.level} />
      </span>
    </div>
  );
}
