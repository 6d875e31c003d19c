import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { trpc } from '../trpc/trpc.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { MemberRoster } from './member-roster.tsx';
import { RollCallSummary } from './roll-call-summary.tsx';
import type { Team } from './team-types.ts';

/** Re-read now and then, so a lead watching the morning roll call sees check-ins arrive. */
const REFRESH_MS = 60_000;

/** One team's members and today's check-ins, read-only. */
export function TeamBoard({ team }: { team: Team }) {
  const detail = trpc.teams.get.useQuery({ id: team.id }, { refetchInterval: REFRESH_MS });
  if (!detail.data) {
    if (!detail.isError) return <LoadingPanel label={`Loading ${team.name}…`} />;
    return (
      <LoadErrorPanel
        title={`We could not load ${team.name}.`}
        error={detail.error}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }
  const { members } = detail.data;
  if (members.length === 0) {
    return <EmptyState title="No members yet">An admin assigns workers to this team.</EmptyState>;
  }
  return (
    <div className="space-y-3">
      <RollCallSummary detail={detail.data} />
      <MemberRoster
        caption={`Members of ${team.name} and their check-in today`}
        members={members}
        timeZone={detail.data.timeZone}
      />
    </div>
  );
}
