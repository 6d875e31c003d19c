import { cx } from '../ui/class-names.ts';
import type { ReadinessScores } from './check-in-types.ts';
import { LevelBadge } from './level-badge.tsx';
import { levelRanges } from './readiness-display.ts';

type ReadinessScoreProps = {
  scores: Pick<ReadinessScores, 'readinessScore' | 'level'>;
  size?: 'large' | 'small';
};

/** The overall score with its level, e.g. "86 / 100 · GREEN (70–100)". */
export function ReadinessScore({ scores, size = 'large' }: ReadinessScoreProps) {
  return (
    <div className="flex items-center gap-4">
      <p className="flex items-baseline gap-1">
        <span
          className={cx(
            'font-semibold tracking-tight text-slate-900 tabular-nums',
            size === 'large' ? 'text-5xl' : 'text-2xl',
          )}
        >
          {scores.readinessScore}
        </span>
        <span className="text-sm text-slate-500">/ 100</span>
      </p>
      <div className="space-y-1">
        <LevelBadge level={scores.level} />
        {size === 'large' && (
          <p className="text-xs text-slate-500">
            {scores.level} is {levelRanges[scores.level]}
          </p>
        )}
      </div>
    </div>
  );
}
