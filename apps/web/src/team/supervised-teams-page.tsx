import { useId } from 'react';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { trpc } from '../trpc/trpc.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { PageHeading } from '../ui/page-heading.tsx';
import { TeamBoard } from './team-board.tsx';
import { TeamSummary } from './team-summary.tsx';
import type { Team } from './team-types.ts';

/** A supervisor's teams, each with today's check-ins. */
export function SupervisedTeamsPage() {
  const teams = trpc.teams.list.useQuery({ active: true });
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading title="Teams">Your teams</PageHeading>
        <p className="max-w-2xl text-slate-600">
          Every team you supervise: who has checked in today, and how ready they are.
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
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="space-y-1">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {team.name}
        </h2>
        <TeamSummary team={team} showLeader />
      </div>
      <TeamBoard team={team} />
    </section>
  );
}
