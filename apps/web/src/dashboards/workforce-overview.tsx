import { adminPaths } from '../admin/admin-paths.ts';
import { formatLocalDate } from '../check-in/format.ts';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { Link } from '../router/link.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { roleLabels } from '../shell/nav-items.ts';
import { trpc } from '../trpc/trpc.ts';
import { textLinkClassName } from '../ui/link-styles.ts';
import {
  ANALYTICS_PATH,
  formatAverage,
  formatPercent,
  type WorkforceOverview as Overview,
  plural,
} from './dashboard-values.ts';
import { LevelSplit } from './level-split.tsx';
import { type Stat, StatTiles, TimeZoneNote } from './stat-tiles.tsx';

/** The admin's overview of the company: people, teams, gaps to act on, today's compliance. */
export function WorkforceOverview() {
  const overview = trpc.dashboards.workforce.useQuery();
  if (overview.isError) {
    return (
      <LoadErrorPanel
        title="We could not load the workforce overview."
        error={overview.error}
        onRetry={() => void overview.refetch()}
        retrying={overview.isFetching}
      />
    );
  }
  if (!overview.data) return <LoadingPanel label="Loading the workforce overview…" />;
  return <Figures data={overview.data} />;
}

const cardClassName = 'space-y-2 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200';

function Figures({ data }: { data: Overview }) {
  const user = useSignedInUser();
  const canAct = user.role === 'ADMIN';
  const stats: Stat[] = [
    {
      label: 'Active people',
      value: String(data.people.active),
      detail: `${data.people.inactive} inactive`,
    },
    {
      label: 'Active teams',
      value: String(data.teams.active),
      detail: `${data.teams.inactive} inactive`,
    },
    {
      label: 'Compliance today',
      value: formatPercent(data.today.compliance),
      detail: `${data.today.submitted} of ${data.today.expected} expected`,
    },
    { label: 'Average readiness today', value: formatAverage(data.today.averageReadiness) },
  ];
  return (
    <section aria-labelledby="workforce-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="workforce-heading" className="text-base font-semibold text-slate-900">
          Workforce overview
        </h2>
        <p className="text-sm text-slate-600">
          {formatLocalDate(data.localDate)} ·{' '}
          <Link to={ANALYTICS_PATH} className={textLinkClassName}>
            Company analytics
          </Link>
        </p>
        <TimeZoneNote timeZone={user.company.timezone} />
      </div>
      <StatTiles label="Workforce overview" stats={stats} />
      <div className="grid gap-3 lg:grid-cols-2">
        <div className={cardClassName}>
          <h3 className="text-sm font-semibold text-slate-900">People per role</h3>
          <ul className="grid grid-cols-2 gap-1 text-sm text-slate-700">
            {(['WORKER', 'TEAM_LEAD', 'SUPERVISOR', 'WHS', 'ADMIN'] as const).map((role) => (
              <li key={role}>
                {roleLabels[role]}: <span className="tabular-nums">{data.people.byRole[role]}</span>
              </li>
            ))}
          </ul>
          {canAct && (
            <Link to={adminPaths.people} className={textLinkClassName}>
              Manage people
            </Link>
          )}
        </div>
        <div className={cardClassName}>
          <h3 className="text-sm font-semibold text-slate-900">Readiness levels today</h3>
          <LevelSplit levels={data.today.levels} label="Check-ins by readiness level today" />
        </div>
        <div className={cardClassName}>
          <h3 className="text-sm font-semibold text-slate-900">
            Workers without a team: {data.unassignedWorkers.count}
          </h3>
          {data.unassignedWorkers.count === 0 ? (
            <p className="text-sm text-slate-600">Every active worker is on a team.</p>
          ) : (
            <ul className="space-y-1 text-sm text-slate-700">
              {data.unassignedWorkers.items.map((person) => (
                <li key={person.id}>
                  {canAct ? (
                    <Link to={`${adminPaths.people}?id=${person.id}`} className={textLinkClassName}>
                      {person.name}
                    </Link>
                  ) : (
                    person.name
                  )}
                </li>
              ))}
              {data.unassignedWorkers.count > data.unassignedWorkers.items.length && (
                <li className="text-slate-600">
                  and{' '}
                  {plural(
                    data.unassignedWorkers.count - data.unassignedWorkers.items.length,
                    'more',
                  )}
                </li>
              )}
            </ul>
          )}
        </div>
        <div className={cardClassName}>
          <h3 className="text-sm font-semibold text-slate-900">
            Teams without a supervisor: {data.teams.withoutSupervisor.length}
          </h3>
          {data.teams.withoutSupervisor.length === 0 ? (
            <p className="text-sm text-slate-600">Every active team has a supervisor.</p>
          ) : (
            <ul className="space-y-1 text-sm text-slate-700">
              {data.teams.withoutSupervisor.map((team) => (
                <li key={team.id}>
                  {canAct ? (
                    <Link to={`${adminPaths.teams}?id=${team.id}`} className={textLinkClassName}>
                      {team.name}
                    </Link>
                  ) : (
                    team.name
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
