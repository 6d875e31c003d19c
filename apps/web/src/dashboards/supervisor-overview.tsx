import { formatLocalDate } from '../check-in/format.ts';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { Link } from '../router/link.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { trpc } from '../trpc/trpc.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { textLinkClassName } from '../ui/link-styles.ts';
import { DataTable, rowClassName, tdClassName, thClassName } from '../ui/table.tsx';
import {
  formatAverage,
  formatPercent,
  type SupervisorOverview as Overview,
  teamAnalyticsPath,
} from './dashboard-values.ts';
import { type Stat, StatTiles, TimeZoneNote } from './stat-tiles.tsx';

/** Today over every team in scope (a supervisor's own; all for admins and WHS), one row each. */
export function SupervisorOverview({ title }: { title: string }) {
  const overview = trpc.dashboards.supervisorOverview.useQuery();
  if (overview.isError) {
    return (
      <LoadErrorPanel
        title="We could not load the teams’ figures."
        error={overview.error}
        onRetry={() => void overview.refetch()}
        retrying={overview.isFetching}
      />
    );
  }
  if (!overview.data) return <LoadingPanel label="Loading the teams’ figures…" />;
  return <OverviewFigures data={overview.data} title={title} />;
}

function OverviewFigures({ data, title }: { data: Overview; title: string }) {
  const timeZone = useSignedInUser().company.timezone;
  const { totals } = data;
  const stats: Stat[] = [
    { label: 'Teams', value: String(totals.teams), detail: `${totals.members} people on them` },
    { label: 'Expected', value: String(totals.expected), detail: `${totals.submitted} submitted` },
    {
      label: 'Compliance',
      value: formatPercent(totals.compliance),
      detail: 'Submitted of expected',
    },
    { label: 'Average readiness', value: formatAverage(totals.averageReadiness) },
  ];
  return (
    <section aria-labelledby="overview-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="overview-heading" className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <p className="text-sm text-slate-600">{formatLocalDate(data.localDate)}</p>
        <TimeZoneNote timeZone={timeZone} />
      </div>
      <StatTiles label={`${title}: totals`} stats={stats} />
      {data.teams.length === 0 ? (
        <EmptyState title="No teams yet">Teams show here once they exist.</EmptyState>
      ) : (
        <DataTable
          scrollable
          caption={`${title}: one row per team`}
          head={
            <tr>
              <th scope="col" className={thClassName}>
                Team
              </th>
              <th scope="col" className={thClassName}>
                Lead
              </th>
              <th scope="col" className={thClassName}>
                Members
              </th>
              <th scope="col" className={thClassName}>
                Submitted
              </th>
              <th scope="col" className={thClassName}>
                Expected
              </th>
              <th scope="col" className={thClassName}>
                Compliance
              </th>
              <th scope="col" className={thClassName}>
                Average
              </th>
            </tr>
          }
        >
          {data.teams.map((row) => (
            <tr key={row.team.id} className={rowClassName}>
              <th scope="row" className={`${tdClassName} font-medium`}>
                <Link to={teamAnalyticsPath(row.team.id)} className={textLinkClassName}>
                  {row.team.name}
                </Link>
              </th>
              <td className={tdClassName}>{row.lead.name}</td>
              <td className={`${tdClassName} tabular-nums`}>{row.members}</td>
              <td className={`${tdClassName} tabular-nums`}>{row.submitted}</td>
              <td className={`${tdClassName} tabular-nums`}>{row.expected}</td>
              <td className={`${tdClassName} tabular-nums`}>{formatPercent(row.compliance)}</td>
              <td className={`${tdClassName} tabular-nums`}>
                {formatAverage(row.averageReadiness)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
