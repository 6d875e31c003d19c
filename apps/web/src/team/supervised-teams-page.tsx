import { useId, useMemo } from 'react';
import { adminPaths } from '../admin/admin-paths.ts';
import { NotFoundPanel } from '../admin/not-found-panel.tsx';
import { useSubView } from '../admin/use-sub-view.ts';
import { AlertsSection } from '../alerts/alerts-section.tsx';
import { MissesSection } from '../attendance/misses-section.tsx';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { trpc } from '../trpc/trpc.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { MemberPage } from './member-page.tsx';
import { memberPathIn } from './member-path.ts';
import { TeamBoard } from './team-board.tsx';
import { TeamSummary } from './team-summary.tsx';
import type { Team } from './team-types.ts';

const memberPath = memberPathIn(adminPaths.teams);

/** /teams for a supervisor: every supervised team, or one member's page ('?id=…'), read-only. */
export function SupervisedTeamsPage() {
  const view = useSubView();
  if (view?.kind === 'list') return <SupervisedTeamsOverview />;
  if (view?.kind === 'detail') {
    return (
      <MemberPage
        key={view.id}
        personId={view.id}
        backTo={adminPaths.teams}
        backLabel="Teams"
        canManage={false}
      />
    );
  }
  return <NotFoundPanel title="Page not found" backTo={adminPaths.teams} backLabel="Teams" />;
}

/** A supervisor's teams, each with today's roster and its misses. */
function SupervisedTeamsOverview() {
  const teams = trpc.teams.list.useQuery({ active: true });
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading title="Teams">Your teams</PageHeading>
        <p className="max-w-2xl text-slate-600">
          Every team you supervise: who has checked in today, who is on leave, and who missed a
          check-in.
        </p>
      </div>
      {teams.isError ? (
        <LoadErrorPanel
          title="We could not load your teams."
          error={teams.error}
          onRetry={() => void teams.refetch()}
          retrying={teams.isFetching}
        />
      ) : teams.isPending ? (
        <LoadingPanel label="Loading your teams…" />
      ) : teams.data.items.length === 0 ? (
        <EmptyState title="You do not supervise a team yet">
          An admin names you as a team’s supervisor; it shows here from then on.
        </EmptyState>
      ) : (
        <div className="space-y-10">
          {teams.data.items.map((team) => (
            <SupervisedTeam key={team.id} team={team} />
          ))}
        </div>
      )}
    </div>
  );
}

function SupervisedTeam({ team }: { team: Team }) {
  const headingId = useId();
  // The lead is the one who usually excuses a miss: name them in the list.
  const names = useMemo(() => new Map([[team.leader.id, team.leader.name]]), [team.leader]);
  return (
    <section aria-labelledby={headingId} className="space-y-5">
      <div className="space-y-1">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {team.name}
        </h2>
        <TeamSummary team={team} showLeader />
      </div>
      <TeamBoard team={team} memberPath={memberPath} />
      {/* A supervisor may act on an alert too (and gets it when it escalates). */}
      <AlertsSection scope={{ teamId: team.id }} headingLevel={3} canAct workerPath={memberPath} />
      <MissesSection
        scope={{ teamId: team.id }}
        headingLevel={3}
        canExcuse={false}
        workerPath={memberPath}
        names={names}
      />
    </section>
  );
}
