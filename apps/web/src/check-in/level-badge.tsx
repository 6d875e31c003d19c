import { cx } from '../ui/class-names.ts';
import type { ReadinessLevel } from './check-in-types.ts';
import { levelClasses } from './readiness-display.ts';

/** The readiness level in colour and in words, so colour is never the only signal. */
export function LevelBadge({ level, className }: { level: ReadinessLevel; className?: string }) {
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold tracking-wide ring-1 ring-inset',
        levelClasses[level].badge,
        className,
      )}
    >
      <span aria-hidden="true" className={cx('size-2 rounded-full', levelClasses[level].dot)} />
      {level}
    </span>
  );
}
