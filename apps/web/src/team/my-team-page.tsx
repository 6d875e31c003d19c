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

const memberPath = memberPathIn(adminPaths.myTeam);

/** /my-team: the lead's roster and misses, or one member's page ('?id=…'). */
export function MyTeamPage() {
  const view = useSubView();
  if (view?.kind === 'list') return <MyTeamOverview />;
  if (view?.kind === 'detail') {
    return (
      <MemberPage
        key={view.id}
        personId={view.id}
        backTo={adminPaths.myTeam}
        backLabel="My team"
        canManage
      />
    );
  }
  return <NotFoundPanel title="Page not found" backTo={adminPaths.myTeam} backLabel="My team" />;
}

/** A team lead's team: who has checked in today, who is on leave, and who missed it. */
function MyTeamOverview() {
  const teams = trpc.teams.list.useQuery({ active: true });
  // A lead leads at most one active team, and the server lists only that one.
  const team = teams.data?.items[0];
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading title="My team">{team ? team.name : 'My team'}</PageHeading>
        {team ? (
          <TeamSummary team={team} showLeader={false} />
        ) : (
          <p className="max-w-2xl text-slate-600">
            Who in your team has checked in today, and how ready they are.
          </p>
        )}
      </div>
      {teams.isError ? (
        <LoadErrorPanel
          title="We could not load your team."
          error={teams.error}
          onRetry={() => void teams.refetch()}
          retrying={teams.isFetching}
        />
      ) : teams.isPending ? (
        <LoadingPanel label="Loading your team…" />
      ) : team ? (
        <div className="space-y-8">
          <TeamBoard team={team} memberPath={memberPath} />
          <AlertsSection scope={{ teamId: team.id }} canAct workerPath={memberPath} />
          <MissesSection scope={{ teamId: team.id }} canExcuse workerPath={memberPath} />
        </div>
      ) : (
        <EmptyState title="You do not lead a team yet">
          An admin makes you the lead of a team; it shows here from then on.
        </EmptyState>
      )}
    </div>
  );
}
