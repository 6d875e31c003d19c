import { useState } from 'react';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { trpc } from '../trpc/trpc.ts';
import { Button } from '../ui/button.tsx';
import { DataTable, tdClassName, thClassName } from '../ui/table.tsx';
import { analyticsCsv } from './analytics-csv.ts';
import { severityLabels, typeLabels } from './incident-wording.ts';

const PERIODS = [7, 30, 90] as const;
type Period = (typeof PERIODS)[number];

function CountTable({
  caption,
  label,
  rows,
}: {
  caption: string;
  label: string;
  rows: Array<{ key: string; name: string; count: number }>;
}) {
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

/** WHS: reports over 7, 30 or 90 days as tables (by day and state, type, severity, team), and CSV. */
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
          <div className="grid gap-4 lg:grid-cols-3">
            <CountTable
              caption="Reports by type"
              label="Type"
              rows={data.byType.map((row) => ({
                key: row.type,
                name: typeLabels[row.type],
                count: row.count,
              }))}
            />
            <CountTable
              caption="Reports by severity"
              label="Severity"
              rows={data.bySeverity.map((row) => ({
                key: row.severity,
                name: severityLabels[row.severity],
                count: row.count,
              }))}
            />
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
          <DataTable
            caption="Reports per day by state"
            scrollable
            head={
              <tr>
                <th scope="col" className={thClassName}>
                  Date
                </th>
                <th scope="col" className={thClassName}>
                  Pending
                </th>
                <th scope="col" className={thClassName}>
                  Approved
                </th>
                <th scope="col" className={thClassName}>
                  Rejected
                </th>
              </tr>
            }
          >
            {data.perDay.map((day) => (
              <tr key={day.date}>
                <td className={tdClassName}>{day.date}</td>
                <td className={tdClassName}>{day.PENDING}</td>
                <td className={tdClassName}>{day.APPROVED}</td>
                <td className={tdClassName}>{day.REJECTED}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}
