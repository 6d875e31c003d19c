import { formatLocalDate } from '../check-in/format.ts';
import { LevelBadge } from '../check-in/level-badge.tsx';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { trpc } from '../trpc/trpc.ts';
import { DataTable, rowClassName, tdClassName, thClassName } from '../ui/table.tsx';
import { ChartFrame } from './chart-frame.tsx';
import {
  formatAverage,
  formatPercent,
  plural,
  type WorkerDashboard as WorkerDashboardData,
} from './dashboard-values.ts';
import { type Stat, StatTiles, TimeZoneNote } from './stat-tiles.tsx';

/** A worker's own figures under today's card: streak, averages, this week, the last 7 days. */
export function WorkerDashboard() {
  const dashboard = trpc.dashboards.worker.useQuery();
  if (dashboard.isError) {
    return (
      <LoadErrorPanel
        title="We could not load your figures."
        error={dashboard.error}
        onRetry={() => void dashboard.refetch()}
        retrying={dashboard.isFetching}
      />
    );
  }
  if (!dashboard.data) return <LoadingPanel label="Loading your figures…" />;
  return <WorkerFigures data={dashboard.data} />;
}

function trendDayText(day: WorkerDashboardData['trend'][number]): string {
  if (day.readinessScore !== null) return String(day.readinessScore);
  if (day.missed) return 'Missed';
  return day.expected ? 'Not yet' : 'Not expected';
}

function WorkerFigures({ data }: { data: WorkerDashboardData }) {
  const stats: Stat[] = [
    {
      label: 'Streak',
      value: plural(data.streak, 'day'),
      detail: 'Expected days in a row with a check-in',
    },
    {
      label: '30-day average',
      value: formatAverage(data.average30Days),
      detail: `Readiness over ${plural(data.checkIns30Days, 'check-in')}`,
    },
    {
      label: 'This week',
      value: formatPercent(data.week.completion),
      detail: `${data.week.submitted} of ${plural(data.week.expected, 'expected day')} since ${formatLocalDate(data.week.from, 'short')}`,
    },
  ];
  const checkedIn = data.trend.filter((day) => day.readinessScore !== null).length;
  return (
    <section aria-labelledby="worker-figures-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="worker-figures-heading" className="text-sm font-semibold text-slate-900">
          Your figures
        </h2>
        <TimeZoneNote timeZone={data.timeZone} />
      </div>
      <StatTiles label="Your figures" stats={stats} />
      {data.pendingMove && (
        <p className="rounded-xl bg-sky-50 px-4 py-3 text-sm text-sky-900 ring-1 ring-sky-200">
          You move from {data.pendingMove.fromTeam.name} to {data.pendingMove.toTeam.name} on{' '}
          {formatLocalDate(data.pendingMove.effectiveOn)}.
        </p>
      )}
      <ChartFrame
        title="The last 7 days"
        summary={`Your readiness from ${formatLocalDate(data.trend[0]?.date ?? data.localDate, 'short')} to ${formatLocalDate(data.localDate, 'short')}: ${plural(checkedIn, 'check-in')}.`}
        chart={{ kind: 'worker', points: data.trend }}
        table={
          <DataTable
            caption="Your readiness over the last 7 days"
            head={
              <tr>
                <th scope="col" className={thClassName}>
                  Date
                </th>
                <th scope="col" className={thClassName}>
                  Readiness
                </th>
                <th scope="col" className={thClassName}>
                  Level
                </th>
              </tr>
            }
          >
            {data.trend.map((day) => (
              <tr key={day.date} className={rowClassName}>
                <th scope="row" className={`${tdClassName} font-medium whitespace-nowrap`}>
                  {formatLocalDate(day.date)}
                </th>
                <td className={tdClassName}>
                  {trendDayText(day)}
                  {day.isLate && ' (late)'}
                </td>
                <td className={tdClassName}>
                  {day.level ? <LevelBadge level={day.level} /> : '—'}
                </td>
              </tr>
            ))}
          </DataTable>
        }
      />
    </section>
  );
}
