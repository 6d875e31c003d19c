import type { CheckIn, ReadinessLevel } from '../check-in/check-in-types.ts';
import { formatLocalDate } from '../check-in/format.ts';
import { levelClasses } from '../check-in/readiness-display.ts';
import { cx } from '../ui/class-names.ts';
import {
  CHART_DAYS,
  CHART_HEIGHT,
  CHART_WIDTH,
  chartBars,
  chartDays,
  chartSummary,
  scoreToY,
} from './chart-data.ts';

const levels: readonly ReadinessLevel[] = ['GREEN', 'YELLOW', 'RED'];

/** The gridlines where the levels start, labelled on the left edge. */
const thresholds = [
  { score: 70, line: 'stroke-emerald-300', label: 'top-[30%]' },
  { score: 50, line: 'stroke-amber-300', label: 'top-1/2' },
] as const;

type HistoryChartProps = { checkIns: readonly CheckIn[]; today: string };

/**
 * Readiness per day over the last 30 days, drawn by hand in SVG (a chart library would
 * not earn its place for one bar chart). The picture is hidden from screen readers; the
 * caption and a visually hidden table carry the same data.
 */
export function HistoryChart({ checkIns, today }: HistoryChartProps) {
  const days = chartDays(today, checkIns);
  const bars = chartBars(days);
  const first = days[0];
  return (
    <figure className="space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <h2 className="text-base font-semibold text-slate-900">Last {CHART_DAYS} days</h2>
        <ul aria-hidden="true" className="flex gap-4 text-xs text-slate-600">
          {levels.map((level) => (
            <li key={level} className="flex items-center gap-1.5">
              <span className={cx('size-2.5 rounded-sm', levelClasses[level].dot)} />
              {level}
            </li>
          ))}
        </ul>
      </div>
      <figcaption className="text-sm text-slate-600">{chartSummary(days)}</figcaption>
      <div aria-hidden="true" className="flex gap-2">
        <div className="relative h-40 w-6 shrink-0 text-right text-[0.6875rem] text-slate-500 tabular-nums">
          <span className="absolute top-0 right-0 -translate-y-1/2">100</span>
          {thresholds.map((threshold) => (
            <span
              key={threshold.score}
              className={cx('absolute right-0 -translate-y-1/2', threshold.label)}
            >
              {threshold.score}
            </span>
          ))}
          <span className="absolute right-0 bottom-0 translate-y-1/2">0</span>
        </div>
        <div className="min-w-0 flex-1 space-y-1">
          <svg
            aria-hidden="true"
            viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
            preserveAspectRatio="none"
            className="block h-40 w-full overflow-visible"
          >
            {thresholds.map((threshold) => (
              <line
                key={threshold.score}
                x1="0"
                x2={CHART_WIDTH}
                y1={scoreToY(threshold.score)}
                y2={scoreToY(threshold.score)}
                strokeDasharray="4 3"
                vectorEffect="non-scaling-stroke"
                className={threshold.line}
              />
            ))}
            <line
              x1="0"
              x2={CHART_WIDTH}
              y1={CHART_HEIGHT}
              y2={CHART_HEIGHT}
              vectorEffect="non-scaling-stroke"
              className="stroke-slate-300"
            />
            {bars.map((bar) => (
              <rect
                key={bar.date}
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
                className={bar.level ? levelClasses[bar.level].fill : 'fill-slate-200'}
              />
            ))}
          </svg>
          <div className="flex justify-between text-xs text-slate-500">
            <span>{first ? formatLocalDate(first.date, 'short') : ''}</span>
            <span>Today</span>
          </div>
        </div>
      </div>
      <table className="sr-only">
        <caption>Readiness by day, last {CHART_DAYS} days</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Readiness</th>
            <th scope="col">Level</th>
          </tr>
        </thead>
        <tbody>
          {days
            .filter((day) => day.score !== null)
            .map((day) => (
              <tr key={day.date}>
                <th scope="row">{formatLocalDate(day.date)}</th>
                <td>{day.score}</td>
                <td>{day.level}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
