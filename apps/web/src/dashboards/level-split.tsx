import { LevelBadge } from '../check-in/level-badge.tsx';

type Levels = { GREEN: number; YELLOW: number; RED: number };

/** GREEN / YELLOW / RED counts in words and a proportional bar (the words carry the data). */
export function LevelSplit({ levels, label }: { levels: Levels; label: string }) {
  const total = levels.GREEN + levels.YELLOW + levels.RED;
  const entries = [
    ['GREEN', levels.GREEN, 'fill-emerald-500'],
    ['YELLOW', levels.YELLOW, 'fill-amber-400'],
    ['RED', levels.RED, 'fill-red-600'],
  ] as const;
  return (
    <div className="space-y-2">
      <ul aria-label={label} className="flex flex-wrap gap-3 text-sm text-slate-700">
        {entries.map(([level, count]) => (
          <li key={level} className="flex items-center gap-2">
            <LevelBadge level={level} />
            <span className="tabular-nums">{count}</span>
          </li>
        ))}
      </ul>
      {total > 0 && (
        // An SVG scaled to the total: proportions from attributes, so no inline style.
        <svg
          aria-hidden="true"
          className="block h-2 w-full overflow-hidden rounded-full bg-slate-100"
          viewBox={`0 0 ${total} 1`}
          preserveAspectRatio="none"
        >
          {entries.map(([level, count, colour], index) => {
            const x = entries.slice(0, index).reduce((sum, [, before]) => sum + before, 0);
            return count > 0 ? (
              <rect key={level} className={colour} x={x} y={0} width={count} height={1} />
            ) : null;
          })}
        </svg>
      )}
    </div>
  );
}
