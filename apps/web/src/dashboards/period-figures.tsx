import { formatLocalDate } from '../check-in/format.ts';
import { secondaryLinkClassName } from '../ui/link-styles.ts';
import { ChartFrame } from './chart-frame.tsx';
import { DailyTable } from './daily-table.tsx';
import {
  type AnalyticsDay,
  dailyPoints,
  formatAverage,
  formatPercent,
  type TeamAnalytics,
} from './dashboard-values.ts';
import { LevelSplit } from './level-split.tsx';
import { type Stat, StatTiles } from './stat-tiles.tsx';

type PeriodFiguresProps = {
  /** Whose figures: "Team Alpha", "All teams". */
  subject: string;
  from: string;
  to: string;
  days: readonly AnalyticsDay[];
  totals: TeamAnalytics['totals'];
  csvUrl: string;
  best?: TeamAnalytics['bestDay'];
  worst?: TeamAnalytics['worstDay'];
};

function mark(day: NonNullable<TeamAnalytics['bestDay']>): string {
  return `${formatLocalDate(day.date)}: ${formatPercent(day.compliance)} compliance, average ${formatAverage(day.averageReadiness)}`;
}

/** A period's totals, both charts with their tables, the best and worst days and the CSV export. */
export function PeriodFigures(props: PeriodFiguresProps) {
  const { subject, from, to, days, totals } = props;
  const range = `${formatLocalDate(from, 'short')} to ${formatLocalDate(to, 'short')}`;
  const points = dailyPoints(days);
  const stats: Stat[] = [
    {
      label: 'Compliance',
      value: formatPercent(totals.compliance),
      detail: `${totals.submitted} of ${totals.expected} expected`,
    },
    {
      label: 'Average readiness',
      value: formatAverage(totals.averageReadiness),
      detail: `Over ${totals.checkIns} check-ins`,
    },
    { label: 'Late check-ins', value: String(totals.late) },
    { label: 'Average submit time', value: totals.averageSubmitTime ?? '—' },
  ];
  const table = <DailyTable days={days} caption={`${subject}, per day, ${range}`} />;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {range} ({days.length} days)
        </p>
        <a href={props.csvUrl} download className={secondaryLinkClassName}>
          Export CSV
          <span className="sr-only">
            {' '}
            of {subject}, {range}
          </span>
        </a>
      </div>
      <StatTiles label={`${subject}, ${range}`} stats={stats} />
      <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h3 className="mb-2 text-sm font-semibold text-slate-900">
          Readiness levels in the period
        </h3>
        <LevelSplit levels={totals.levels} label="Check-ins by readiness level in the period" />
      </div>
      {(props.best || props.worst) && (
        <dl className="grid gap-3 sm:grid-cols-2">
          {props.best && (
            <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <dt className="text-sm font-semibold text-slate-900">Best day</dt>
              <dd className="text-sm text-slate-700">{mark(props.best)}</dd>
            </div>
          )}
          {props.worst && (
            <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <dt className="text-sm font-semibold text-slate-900">Worst day</dt>
              <dd className="text-sm text-slate-700">{mark(props.worst)}</dd>
            </div>
          )}
        </dl>
      )}
      <div className="space-y-4">
        <ChartFrame
          title="Readiness trend"
          summary={`Average readiness per day, ${range}: ${formatAverage(totals.averageReadiness)} over the period.`}
          chart={{ kind: 'readiness', points }}
          table={table}
        />
        <ChartFrame
          title="Compliance"
          summary={`Check-ins of expected workers per day, ${range}: ${formatPercent(totals.compliance)} over the period.`}
          chart={{ kind: 'compliance', points }}
          table={table}
        />
      </div>
    </div>
  );
}
