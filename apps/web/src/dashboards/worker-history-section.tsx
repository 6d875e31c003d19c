import { useState } from 'react';
import { formatFactorScore, formatLocalDate } from '../check-in/format.ts';
import { LevelBadge } from '../check-in/level-badge.tsx';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { trpc } from '../trpc/trpc.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { secondaryLinkClassName } from '../ui/link-styles.ts';
import { DataTable, rowClassName, tdClassName, thClassName } from '../ui/table.tsx';
import { TextField } from '../ui/text-field.tsx';
import { ChartFrame } from './chart-frame.tsx';
import {
  addDays,
  exportPaths,
  formatAverage,
  formatPercent,
  type WorkerHistory,
} from './dashboard-values.ts';
import { type Stat, StatTiles, TimeZoneNote } from './stat-tiles.tsx';
import { historyPeriodError, statusLabels, todayIn } from './worker-history-values.ts';

type HistoryDay = WorkerHistory['days'][number];

/**
 * A worker's days over a chosen period (30 days by default): every factor score, misses,
 * leave, a readiness chart, and the same period as CSV.
 */
export function WorkerHistorySection({ personId }: { personId: string }) {
  const timeZone = useSignedInUser().company.timezone;
  const [today] = useState(() => todayIn(timeZone));
  const [from, setFrom] = useState(() => addDays(today, -29));
  const [to, setTo] = useState(today);
  const periodError = historyPeriodError(from, to);
  const history = trpc.analytics.workerHistory.useQuery(
    { personId, from, to },
    { enabled: periodError === null, placeholderData: (previous) => previous },
  );
  return (
    <section aria-labelledby="worker-history-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="worker-history-heading" className="text-lg font-semibold text-slate-900">
          Readiness history
        </h2>
        <TimeZoneNote timeZone={timeZone} />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <TextField label="From" type="date" value={from} onValueChange={setFrom} max={to} />
        <TextField
          label="To"
          type="date"
          value={to}
          onValueChange={setTo}
          max={today}
          error={periodError ?? undefined}
        />
        {periodError === null && (
          <a
            href={exportPaths.workerHistory(personId, from, to)}
            download
            className={secondaryLinkClassName}
          >
            Export CSV<span className="sr-only"> of this period</span>
          </a>
        )}
      </div>
      {periodError !== null ? null : history.isError ? (
        <LoadErrorPanel
          title="We could not load this history."
          error={history.error}
          onRetry={() => void history.refetch()}
          retrying={history.isFetching}
        />
      ) : !history.data ? (
        <LoadingPanel label="Loading the history…" />
      ) : history.data.days.length === 0 ? (
        <EmptyState title="Nothing in this period">
          No day of this period was on one of your teams.
        </EmptyState>
      ) : (
        <HistoryFigures data={history.data} />
      )}
    </section>
  );
}

function HistoryFigures({ data }: { data: WorkerHistory }) {
  const { summary } = data;
  const stats: Stat[] = [
    {
      label: 'Compliance',
      value: formatPercent(summary.compliance),
      detail: `${summary.submitted} of ${summary.expected} expected`,
    },
    { label: 'Average readiness', value: formatAverage(summary.averageReadiness) },
    { label: 'Missed', value: String(summary.missed), detail: `${summary.excused} excused` },
    { label: 'Days on leave', value: String(summary.leaveDays) },
  ];
  const oldestFirst = [...data.days].reverse();
  const range = `${formatLocalDate(data.from, 'short')} to ${formatLocalDate(data.to, 'short')}`;
  return (
    <div className="space-y-4">
      <StatTiles label={`${data.person.name}, ${range}`} stats={stats} />
      <ChartFrame
        title="Readiness trend"
        summary={`${data.person.name}’s readiness per day, ${range}: average ${formatAverage(summary.averageReadiness)}.`}
        chart={{
          kind: 'worker',
          points: oldestFirst.map((day) => ({
            date: day.date,
            readinessScore: day.checkIn?.scores.readinessScore ?? null,
            level: day.checkIn?.scores.level ?? null,
          })),
        }}
        table={<p className="text-slate-600">The table below lists every day of the period.</p>}
      />
      <HistoryTable days={data.days} caption={`${data.person.name}, every day, ${range}`} />
    </div>
  );
}

const factorColumns = ['Hours', 'Sleep', 'Stress', 'Physical', 'Pain'] as const;

function HistoryTable({ days, caption }: { days: readonly HistoryDay[]; caption: string }) {
  return (
    <DataTable
      scrollable
      caption={caption}
      head={
        <tr>
          {['Date', 'Status', 'Readiness', 'Level', ...factorColumns, 'Team'].map((label) => (
            <th key={label} scope="col" className={thClassName}>
              {label}
            </th>
          ))}
        </tr>
      }
    >
      {days.map((day) => {
        const scores = day.checkIn?.scores;
        const factors = scores
          ? [
              scores.hoursScore,
              scores.sleepScore,
              scores.stressScore,
              scores.physicalScore,
              scores.painScore,
            ]
          : [];
        return (
          <tr key={day.date} className={rowClassName}>
            <th scope="row" className={`${tdClassName} font-medium whitespace-nowrap`}>
              {formatLocalDate(day.date)}
            </th>
            <td className={tdClassName}>
              {statusLabels[day.status]}
              {day.checkIn?.isLate && ' (late)'}
              {day.leave && ` (${day.leave.type.toLowerCase()})`}
              {day.miss?.excuseReason && `: ${day.miss.excuseReason}`}
            </td>
            <td className={`${tdClassName} tabular-nums`}>{scores?.readinessScore ?? '—'}</td>
            <td className={tdClassName}>{scores ? <LevelBadge level={scores.level} /> : '—'}</td>
            {factorColumns.map((column, index) => {
              const score = factors[index];
              return (
                <td key={column} className={`${tdClassName} tabular-nums`}>
                  {score === undefined ? '—' : formatFactorScore(score)}
                </td>
              );
            })}
            <td className={tdClassName}>{day.team?.name ?? '—'}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
