import { formatLocalDate } from '../check-in/format.ts';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { errorCode } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { formatAverage, formatPercent, type TeamDashboard } from './dashboard-values.ts';
import { LevelSplit } from './level-split.tsx';
import { type Stat, StatTiles, TimeZoneNote } from './stat-tiles.tsx';

/** A team's figures of today. Without a team id: the team the signed-in lead leads. */
export function TeamTodayPanel({ teamId }: { teamId?: string }) {
  const dashboard = trpc.dashboards.team.useQuery(teamId ? { teamId } : {});
  if (dashboard.isError) {
    if (errorCode(dashboard.error) === 'NOT_FOUND') {
      return (
        <EmptyState title="No team to show">
          {teamId
            ? 'This team does not exist or is not one of yours.'
            : 'You do not lead a team yet.'}
        </EmptyState>
      );
    }
    return (
      <LoadErrorPanel
        title="We could not load the team’s figures."
        error={dashboard.error}
        onRetry={() => void dashboard.refetch()}
        retrying={dashboard.isFetching}
      />
    );
  }
  if (!dashboard.data) return <LoadingPanel label="Loading the team’s figures…" />;
  return <TeamToday data={dashboard.data} />;
}

export function TeamToday({ data }: { data: TeamDashboard }) {
  const today = data.today;
  const stats: Stat[] = [
    { label: 'Expected', value: String(today.expected), detail: 'Workers due to check in today' },
    {
      label: 'Submitted',
      value: String(today.submitted),
      detail: `${today.pending} pending, ${today.late} late`,
    },
    {
      label: 'Compliance',
      value: formatPercent(today.compliance),
      detail: 'Submitted of expected',
    },
    {
      label: 'Average readiness',
      value: formatAverage(today.averageReadiness),
      detail: `Over ${today.checkIns} check-ins today`,
    },
  ];
  return (
    <section aria-labelledby="team-today-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="team-today-heading" className="text-base font-semibold text-slate-900">
          {data.team.name} today
        </h2>
        <p className="text-sm text-slate-600">
          {formatLocalDate(data.localDate)} · Lead: {data.team.lead.name}
          {data.team.supervisor ? ` · Supervisor: ${data.team.supervisor.name}` : ''}
        </p>
        <TimeZoneNote timeZone={data.timeZone} />
      </div>
      <StatTiles label={`${data.team.name} today`} stats={stats} />
      <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Readiness levels today</h3>
        <LevelSplit levels={today.levels} label="Check-ins by readiness level today" />
      </div>
      <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Pending moves</h3>
        {data.pendingMoves.length === 0 ? (
          <p className="text-sm text-slate-600">No one is moving in or out of this team.</p>
        ) : (
          <ul className="space-y-1 text-sm text-slate-700">
            {data.pendingMoves.map((move) => (
              <li key={move.transferId}>
                {move.person.name}{' '}
                {move.direction === 'leaving'
                  ? `moves to ${move.toTeam.name}`
                  : `joins from ${move.fromTeam.name}`}{' '}
                on {formatLocalDate(move.effectiveOn)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
