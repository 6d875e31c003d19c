import { AlertsSection } from '../../alerts/alerts-section.tsx';
import { MissesSection } from '../../attendance/misses-section.tsx';
import { Link } from '../../router/link.tsx';
import { MemberRoster } from '../../team/member-roster.tsx';
import { RollCallSummary } from '../../team/roll-call-summary.tsx';
import type { TeamDetail } from '../../team/team-types.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { textLinkClassName } from '../../ui/link-styles.ts';
import { personPath } from '../admin-paths.ts';
import { type AsOfView, withAsOf } from '../as-of/as-of-params.ts';
import { formatDay } from '../as-of/as-of-wording.ts';
import { DetailSection } from '../detail-section.tsx';
import type { PageNotice } from '../use-page-notice.ts';
import { AssignMemberForm } from './assign-member-form.tsx';
import { PendingTransfer } from './cancel-transfer-button.tsx';

/**
 * Members with today's status and pending moves, arrivals, the team's misses, and the
 * form that adds a member. `names` names whoever may have excused a miss (the lead).
 * A past state (`view` not the present) shows the members of then with their check-in of
 * that day, read only: no actions, and none of today's alerts and misses.
 */
export function TeamMembersSection({
  detail,
  notice,
  names,
  view,
}: {
  detail: TeamDetail;
  notice: PageNotice;
  names: ReadonlyMap<string, string>;
  view: AsOfView;
}) {
  const { team, members } = detail;
  const past = view.kind !== 'present';
  // A member's page opens at the same point in time as this one.
  const memberPath = (id: string) => withAsOf(personPath(id), view);
  const hasMoves = members.some((member) => member.pendingTransfer !== null);
  return (
    <>
      <DetailSection title={`Members (${members.length})`}>
        {() => (
          <div className="space-y-3">
            <RollCallSummary detail={detail} />
            {members.length === 0 ? (
              <EmptyState title={past ? 'No members then' : 'No members yet'}>
                {past
                  ? 'Nobody was a member of this team at that point.'
                  : team.isActive
                    ? 'Assign a worker below, or add a worker with this team.'
                    : 'A deactivated team has no members.'}
              </EmptyState>
            ) : (
              <MemberRoster
                caption={`Members of ${team.name}`}
                members={members}
                timeZone={detail.timeZone}
                dayHeading={past ? `On ${formatDay(detail.localDate)}` : 'Today'}
                pastDay={past}
                renderName={(member) => (
                  <Link to={memberPath(member.id)} className={textLinkClassName}>
                    {member.name}
                  </Link>
                )}
                renderMove={
                  hasMoves
                    ? (member) =>
                        member.pendingTransfer ? (
                          <PendingTransfer
                            transfer={member.pendingTransfer}
                            direction="out"
                            notice={notice}
                            canCancel={!past}
                          />
                        ) : (
                          <span className="text-slate-500">None</span>
                        )
                    : undefined
                }
              />
            )}
          </div>
        )}
      </DetailSection>
      {detail.incomingTransfers.length > 0 && (
        <DetailSection title="Joining soon">
          {(headingId) => (
            <ul aria-labelledby={headingId} className="space-y-3">
              {detail.incomingTransfers.map((transfer) => (
                <li
                  key={transfer.id}
                  className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
                >
                  <PendingTransfer
                    transfer={transfer}
                    direction="in"
                    notice={notice}
                    canCancel={!past}
                  />
                </li>
              ))}
            </ul>
          )}
        </DetailSection>
      )}
      {!past && (
        <>
          <AlertsSection scope={{ teamId: team.id }} canAct workerPath={personPath} />
          <MissesSection
            scope={{ teamId: team.id }}
            canExcuse
            workerPath={personPath}
            names={names}
          />
        </>
      )}
      {team.isActive && !past && (
        <DetailSection title="Assign or move a worker">
          {() => <AssignMemberForm detail={detail} notice={notice} />}
        </DetailSection>
      )}
    </>
  );
}
