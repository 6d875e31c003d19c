import { LevelBadge } from '../check-in/level-badge.tsx';

type Levels = { GREEN: number; YELLOW: number; RED: number };

/** GREEN / YELLOW / RED counts in words and a proportional bar (the words carry the data). */
export function LevelSplit({ levels, label }: { levels: Levels; label: string }) {
  const total = levels.GREEN + levels.YELLOW + levels.RED;
  const entries = [
    ['GREEN', levels.GREEN, 'bg-emerald-500'],
    ['YELLOW', levels.YELLOW, 'bg-amber-400'],
    ['RED', levels.RED, 'bg-red-600'],
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
        <div aria-hidden="true" className="flex h-2 overflow-hidden rounded-full bg-slate-100">
          {entries.map(([level, count, colour]) =>
            count > 0 ? <span key={level} className={colour} style={{ flexGrow: count }} /> : null,
          )}
        </div>
      )}
    </div>
  );
}
