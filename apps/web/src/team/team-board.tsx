import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { Link } from '../router/link.tsx';
import { trpc } from '../trpc/trpc.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { textLinkClassName } from '../ui/link-styles.ts';
import { MemberRoster } from './member-roster.tsx';
import { RollCallSummary } from './roll-call-summary.tsx';
import type { Team } from './team-types.ts';

/** One team's members and where each stands today; names open the member's page. */
export function TeamBoard({
  team,
  memberPath,
}: {
  team: Team;
  memberPath: (personId: string) => string;
}) {
  // No polling: live updates (live/live-updates.tsx) re-read it when a member's day changes.
  const detail = trpc.teams.get.useQuery({ id: team.id });
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
        caption={`Members of ${team.name} and their day today`}
        members={members}
        timeZone={detail.data.timeZone}
        renderName={(member) => (
          <Link to={memberPath(member.id)} className={textLinkClassName}>
            {member.name}
          </Link>
        )}
      />
    </div>
  );
}
