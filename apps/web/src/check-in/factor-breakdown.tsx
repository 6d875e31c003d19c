import type { ReadinessScores } from './check-in-types.ts';
import { formatFactorScore } from './format.ts';
import { factorBreakdown } from './readiness-display.ts';

/** Each factor's score (0–100) and its share of the overall score. */
export function FactorBreakdown({ scores }: { scores: ReadinessScores }) {
  return (
    <ul className="space-y-3">
      {factorBreakdown(scores).map((factor) => (
        <li key={factor.key} className="space-y-1">
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span className="font-medium text-slate-800">
              {factor.label}{' '}
              <span className="font-normal text-slate-500">· weighs {factor.weight}%</span>
            </span>
            <span className="font-semibold text-slate-900 tabular-nums">
              {formatFactorScore(factor.score)}
            </span>
          </div>
          {/* A bar drawn in SVG: its length is data, which Tailwind classes cannot carry. */}
          <div aria-hidden="true" className="h-1.5 overflow-hidden rounded-full bg-slate-200">
            <svg
              aria-hidden="true"
              viewBox="0 0 100 1"
              preserveAspectRatio="none"
              className="block size-full"
            >
              <rect width={factor.score} height="1" className="fill-teal-600" />
            </svg>
          </div>
          {factor.detail && <p className="text-xs text-slate-500">{factor.detail}</p>}
        </li>
      ))}
    </ul>
  );
}
