import { adminPaths } from '../admin/admin-paths.ts';
import { BackLink } from '../admin/back-link.tsx';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { useLocationSearch } from '../router/history.ts';
import { Link } from '../router/link.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { errorCode } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import type { Role } from '../trpc/types.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { textLinkClassName } from '../ui/link-styles.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { DataTable, rowClassName, tdClassName, thClassName } from '../ui/table.tsx';
import {
  ANALYTICS_PATH,
  type CompanyAnalytics,
  exportPaths,
  formatAverage,
  formatPercent,
  hasDailyData,
  type Period,
  parseAnalyticsSearch,
  teamAnalyticsPath,
} from './dashboard-values.ts';
import { PeriodFigures } from './period-figures.tsx';
import { PeriodPicker } from './period-picker.tsx';
import { TimeZoneNote } from './stat-tiles.tsx';
import { TeamTodayPanel } from './team-today-panel.tsx';

/** Where a team's live roster is, for the roles that have one. */
function rosterPath(role: Role): string | null {
  if (role === 'TEAM_LEAD') return adminPaths.myTeam;
  if (role === 'SUPERVISOR') return adminPaths.teams;
  return null;
}

/**
 * /analytics: a team's figures over 7, 30 or 90 days ('?team=…&days=…'), or, without a
 * team, the company's (by team) for supervisors, admins and WHS; a lead sees their team's.
 */
export function AnalyticsPage() {
  const user = useSignedInUser();
  const { teamId, days } = parseAnalyticsSearch(useLocationSearch());
  if (teamId) return <TeamAnalyticsPage key={teamId} teamId={teamId} days={days} />;
  if (user.role === 'TEAM_LEAD') return <OwnTeamAnalytics days={days} />;
  return <CompanyAnalyticsPage days={days} />;
}

function OwnTeamAnalytics({ days }: { days: Period }) {
  const dashboard = trpc.dashboards.team.useQuery({});
  if (dashboard.data) return <TeamAnalyticsPage teamId={dashboard.data.team.id} days={days} own />;
  return (
    <div className="space-y-6">
      <PageHeading title="Analytics">Team analytics</PageHeading>
      {dashboard.isError ? (
        errorCode(dashboard.error) === 'NOT_FOUND' ? (
          <EmptyState title="You do not lead a team yet">
            An admin names you as a team’s lead; its analytics show here from then on.
          </EmptyState>
        ) : (
          <LoadErrorPanel
            title="We could not load your team."
            error={dashboard.error}
            onRetry={() => void dashboard.refetch()}
            retrying={dashboard.isFetching}
          />
        )
      ) : (
        <LoadingPanel label="Loading your team…" />
      )}
    </div>
  );
}

function TeamAnalyticsPage({
  teamId,
  days,
  own = false,
}: {
  teamId: string;
  days: Period;
  own?: boolean;
}) {
  const user = useSignedInUser();
  const analytics = trpc.analytics.team.useQuery({ teamId, days });
  const roster = rosterPath(user.role);
  const name = analytics.data?.team.name ?? 'Team';
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        {!own && <BackLink to={ANALYTICS_PATH}>Analytics</BackLink>}
        <PageHeading title={`${name} analytics`}>{name}</PageHeading>
        <p className="max-w-2xl text-slate-600">
          Today’s figures and the last {days} days: compliance, readiness and when people check in.
          Holidays, non-work days and leave are not expected.
          {roster && (
            <>
              {' '}
              <Link to={roster} className={textLinkClassName}>
                Today’s roster
              </Link>
            </>
          )}
        </p>
        <TimeZoneNote timeZone={user.company.timezone} />
      </div>
      <TeamTodayPanel teamId={teamId} />
      <section aria-labelledby="period-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="period-heading" className="text-base font-semibold text-slate-900">
            The last {days} days
          </h2>
          <PeriodPicker teamId={own ? null : teamId} days={days} />
        </div>
        {analytics.isError ? (
          errorCode(analytics.error) === 'NOT_FOUND' ? (
            <EmptyState title="Team not found">
              This team does not exist or is not one of yours.
            </EmptyState>
          ) : (
            <LoadErrorPanel
              title="We could not load the team’s analytics."
              error={analytics.error}
              onRetry={() => void analytics.refetch()}
              retrying={analytics.isFetching}
            />
          )
        ) : !analytics.data ? (
          <LoadingPanel label="Loading the team’s analytics…" />
        ) : !hasDailyData(analytics.data.days) ? (
          <EmptyState title="Nothing to show for this period">
            No one was expected and no one checked in between these dates.
          </EmptyState>
        ) : (
          <PeriodFigures
            subject={analytics.data.team.name}
            from={analytics.data.from}
            to={analytics.data.to}
            days={analytics.data.days}
            totals={analytics.data.totals}
            best={analytics.data.bestDay}
            worst={analytics.data.worstDay}
            csvUrl={exportPaths.teamAnalytics(teamId, days)}
          />
        )}
      </section>
    </div>
  );
}

function CompanyAnalyticsPage({ days }: { days: Period }) {
  const user = useSignedInUser();
  const analytics = trpc.analytics.company.useQuery({ days });
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <PageHeading title="Analytics">Analytics</PageHeading>
        <p className="max-w-2xl text-slate-600">
          {user.role === 'SUPERVISOR' ? 'Your teams' : 'Every team'} over the last {days} days,
          together and one by one. Select a team for its own figures.
        </p>
        <TimeZoneNote timeZone={user.company.timezone} />
      </div>
      <section aria-labelledby="company-period-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="company-period-heading" className="text-base font-semibold text-slate-900">
            All teams, the last {days} days
          </h2>
          <PeriodPicker teamId={null} days={days} />
        </div>
        {analytics.isError ? (
          <LoadErrorPanel
            title="We could not load the analytics."
            error={analytics.error}
            onRetry={() => void analytics.refetch()}
            retrying={analytics.isFetching}
          />
        ) : !analytics.data ? (
          <LoadingPanel label="Loading the analytics…" />
        ) : analytics.data.teams.length === 0 ? (
          <EmptyState title="No teams yet">Teams show here once they exist.</EmptyState>
        ) : (
          <>
            <TeamsTable data={analytics.data} days={days} />
            <PeriodFigures
              subject="All teams"
              from={analytics.data.from}
              to={analytics.data.to}
              days={analytics.data.days}
              totals={analytics.data.totals}
              csvUrl={exportPaths.companyAnalytics(days)}
            />
          </>
        )}
      </section>
    </div>
  );
}

function TeamsTable({ data, days }: { data: CompanyAnalytics; days: Period }) {
  return (
    <DataTable
      scrollable
      caption={`Each team over the last ${days} days`}
      head={
        <tr>
          {['Team', 'Expected', 'Submitted', 'Compliance', 'Average readiness', 'Late'].map(
            (label) => (
              <th key={label} scope="col" className={thClassName}>
                {label}
              </th>
            ),
          )}
        </tr>
      }
    >
      {data.teams.map((row) => (
        <tr key={row.team.id} className={rowClassName}>
          <th scope="row" className={`${tdClassName} font-medium`}>
            <Link
              to={`${teamAnalyticsPath(row.team.id)}&days=${days}`}
              className={textLinkClassName}
            >
              {row.team.name}
            </Link>
            {!row.isActive && <span className="text-slate-600"> (inactive)</span>}
          </th>
          <td className={`${tdClassName} tabular-nums`}>{row.expected}</td>
          <td className={`${tdClassName} tabular-nums`}>{row.submitted}</td>
          <td className={`${tdClassName} tabular-nums`}>{formatPercent(row.compliance)}</td>
          <td className={`${tdClassName} tabular-nums`}>{formatAverage(row.averageReadiness)}</td>
          <td className={`${tdClassName} tabular-nums`}>{row.late}</td>
        </tr>
      ))}
    </DataTable>
  );
}
