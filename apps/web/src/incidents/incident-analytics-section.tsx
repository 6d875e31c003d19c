import { useState } from 'react';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { ChartFrame } from '../dashboards/chart-frame.tsx';
import { trpc } from '../trpc/trpc.ts';
import type { RouterOutputs } from '../trpc/types.ts';
import { Button } from '../ui/button.tsx';
import { DataTable, tdClassName, thClassName } from '../ui/table.tsx';
import { analyticsCsv } from './analytics-csv.ts';
import { severityLabels, typeLabels } from './incident-wording.ts';

const PERIODS = [7, 30, 90] as const;
type Period = (typeof PERIODS)[number];

// Report states in the per-day chart, in stacking order, with the table's column names.
const STATE_SERIES = [
  { key: 'PENDING', label: 'Pending', colour: '#f59e0b' },
  { key: 'APPROVED', label: 'Approved', colour: '#0f766e' },
  { key: 'REJECTED', label: 'Rejected', colour: '#94a3b8' },
] as const;

type Analytics = RouterOutputs['incidents']['analytics'];
type CountRows = Array<{ key: string; name: string; count: number }>;

/** The sentence a screen reader hears instead of the per-day chart: the totals by state. */
function perDaySummary(data: Analytics): string {
  const totals = STATE_SERIES.map(
    (state) =>
      `${data.perDay.reduce((sum, day) => sum + day[state.key], 0)} ${state.label.toLowerCase()}`,
  );
  return `${data.total} ${data.total === 1 ? 'report' : 'reports'} from ${data.from} to ${data.to}: ${totals.join(', ')}.`;
}

/** The sentence a screen reader hears instead of a count chart: the largest group. */
function countSummary(rows: CountRows, what: string): string {
  const top = rows.reduce<CountRows[number] | null>(
    (best, row) => (row.count > 0 && (best === null || row.count > best.count) ? row : best),
    null,
  );
  return top === null
    ? 'No reports in this period.'
    : `Most reports by ${what}: ${top.name} (${top.count}).`;
}

function CountTable({ caption, label, rows }: { caption: string; label: string; rows: CountRows }) {
  return (
    <DataTable
      caption={caption}
      head={
        <tr>
          <th scope="col" className={thClassName}>
            {label}
          </th>
          <th scope="col" className={thClassName}>
            Reports
          </th>
        </tr>
      }
    >
      {rows.map((row) => (
        <tr key={row.key}>
          <td className={tdClassName}>{row.name}</td>
          <td className={tdClassName}>{row.count}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function download(csv: string, name: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * WHS: reports over 7, 30 or 90 days: charts by day and state, type and severity, each with
 * its table behind a disclosure; a table by team; and CSV.
 */
export function IncidentAnalyticsSection() {
  const [days, setDays] = useState<Period>(30);
  const analytics = trpc.incidents.analytics.useQuery({ days });
  const data = analytics.data;
  const hours = (value: number | null) => (value === null ? '—' : `${value} h`);
  return (
    <section aria-labelledby="analytics" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="analytics" className="text-lg font-semibold text-slate-900">
          Analytics
        </h2>
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">Period</legend>
          {PERIODS.map((period) => (
            <Button
              key={period}
              variant={period === days ? 'primary' : 'secondary'}
              aria-pressed={period === days}
              onClick={() => setDays(period)}
            >
              {period} days
            </Button>
          ))}
          {data && (
            <Button
              variant="secondary"
              onClick={() => download(analyticsCsv(data), `incidents-${data.from}-${data.to}.csv`)}
            >
              Download CSV
            </Button>
          )}
        </fieldset>
      </div>
      {analytics.isError ? (
        <LoadErrorPanel
          title="We could not load the analytics."
          error={analytics.error}
          onRetry={() => void analytics.refetch()}
          retrying={analytics.isFetching}
        />
      ) : !data ? (
        <LoadingPanel label="Loading analytics…" />
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            {data.from} to {data.to}, company time ({data.timeZone}): {data.total} reports. Teams
            are the reporter’s team when it happened.
          </p>
          <dl className="grid gap-3 sm:grid-cols-3">
            <div className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-sm text-slate-500">Average time to review</dt>
              <dd className="text-xl font-semibold">{hours(data.averageHoursToReview)}</dd>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-sm text-slate-500">Average time to resolve</dt>
              <dd className="text-xl font-semibold">{hours(data.averageHoursToResolve)}</dd>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-sm text-slate-500">Approval rate</dt>
              <dd className="text-xl font-semibold">
                {data.approvalRate === null ? '—' : `${Math.round(data.approvalRate * 100)}%`}
              </dd>
            </div>
          </dl>
          <ChartFrame
            title="Reports per day by state"
            summary={perDaySummary(data)}
            chart={{ kind: 'stacked-daily', points: data.perDay, series: STATE_SERIES }}
            table={
              <DataTable
                caption="Reports per day by state"
                scrollable
                head={
                  <tr>
                    <th scope="col" className={thClassName}>
                      Date
                    </th>
                    {STATE_SERIES.map((state) => (
                      <th key={state.key} scope="col" className={thClassName}>
                        {state.label}
                      </th>
                    ))}
                  </tr>
                }
              >
                {data.perDay.map((day) => (
                  <tr key={day.date}>
                    <td className={tdClassName}>{day.date}</td>
                    {STATE_SERIES.map((state) => (
                      <td key={state.key} className={tdClassName}>
                        {day[state.key]}
                      </td>
                    ))}
                  </tr>
                ))}
              </DataTable>
            }
          />
          <div className="grid gap-4 lg:grid-cols-2">
            {[
              {
                title: 'Reports by type',
                label: 'Type',
                rows: data.byType.map((row) => ({
                  key: row.type,
                  name: typeLabels[row.type],
                  count: row.count,
                })),
              },
              {
                title: 'Reports by severity',
                label: 'Severity',
                rows: data.bySeverity.map((row) => ({
                  key: row.severity,
                  name: severityLabels[row.severity],
                  count: row.count,
                })),
              },
            ].map((part) => (
              <ChartFrame
                key={part.title}
                title={part.title}
                summary={countSummary(part.rows, part.label.toLowerCase())}
                chart={{ kind: 'counts', rows: part.rows }}
                table={<CountTable caption={part.title} label={part.label} rows={part.rows} />}
              />
            ))}
          </div>
          <CountTable
            caption="Reports by team at the time"
            label="Team"
            rows={data.byTeam.map((row) => ({
              key: row.teamId ?? 'none',
              name: row.teamName,
              count: row.count,
            }))}
          />
        </div>
      )}
    </section>
  );
}
