import { useMemo } from 'react';
import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { Link } from '../../router/link.tsx';
import { formatWindow, formatWorkDays } from '../../schedule/schedule-format.ts';
import type { TeamDetail } from '../../team/team-types.ts';
import { errorCode, errorMessage } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { ActiveBadge } from '../../ui/badge.tsx';
import { textLinkClassName } from '../../ui/link-styles.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { SuccessNotice } from '../../ui/success-notice.tsx';
import { adminPaths, personPath, teamPath } from '../admin-paths.ts';
import { AsOfBanner } from '../as-of/as-of-banner.tsx';
import { type AsOfView, gateView, withAsOf } from '../as-of/as-of-params.ts';
import { AsOfPicker } from '../as-of/as-of-picker.tsx';
import { AsOfProblemPanel } from '../as-of/as-of-problem-panel.tsx';
import { asOfProblem, asOfTitle } from '../as-of/as-of-wording.ts';
import { useAsOfGate } from '../as-of/use-as-of-gate.ts';
import { BackLink } from '../back-link.tsx';
import { DetailSection } from '../detail-section.tsx';
import { FactList } from '../fact-list.tsx';
import { formatInstant } from '../format-instant.ts';
import { NotFoundPanel } from '../not-found-panel.tsx';
import { EventTimeline } from '../timeline/event-timeline.tsx';
import type { PageNotice } from '../use-page-notice.ts';
import { TeamActions } from './team-actions.tsx';
import { TeamMembersSection } from './team-members-section.tsx';

/** One team now, or as it was at a point in time the address names (?asOf=, ?afterEvent=). */
export function TeamDetailView({ id, notice }: { id: string; notice: PageNotice }) {
  const { gate, today } = useAsOfGate();
  const detail = trpc.teams.get.useQuery(
    { id, asOf: gate.kind === 'read' ? gate.input : undefined },
    { enabled: gate.kind === 'read' },
  );
  const refusal = detail.isError
    ? { code: errorCode(detail.error), message: errorMessage(detail.error) }
    : null;
  const problem = asOfProblem('team', gate, today, refusal);
  if (problem) {
    return (
      <AsOfProblemPanel
        {...problem}
        backTo={adminPaths.teams}
        backLabel="Teams"
        entityPath={teamPath(id)}
        view={gateView(gate)}
        today={today}
      />
    );
  }
  if (detail.data && gate.kind === 'read') {
    return (
      <TeamDetailContent detail={detail.data} notice={notice} view={gate.view} today={today} />
    );
  }
  if (detail.isError && errorCode(detail.error) === 'NOT_FOUND') {
    return <NotFoundPanel title="Team not found" backTo={adminPaths.teams} backLabel="Teams" />;
  }
  return (
    <div className="space-y-4">
      <BackLink to={adminPaths.teams}>Teams</BackLink>
      {detail.isError ? (
        <LoadErrorPanel
          title="We could not load this team."
          error={detail.error}
          onRetry={() => void detail.refetch()}
          retrying={detail.isFetching}
        />
      ) : (
        <LoadingPanel label="Loading this team…" />
      )}
    </div>
  );
}

function TeamDetailContent({
  detail,
  notice,
  view,
  today,
}: {
  detail: TeamDetail;
  notice: PageNotice;
  view: AsOfView;
  today: string;
}) {
  const { team } = detail;
  // People linked from a past state open at the same point in time.
  const linkTo = (id: string) => withAsOf(personPath(id), view);
  const names = useMemo(() => {
    const known = new Map([
      [team.leader.id, team.leader.name],
      ...detail.members.map((member): [string, string] => [member.id, member.name]),
    ]);
    if (team.supervisor) known.set(team.supervisor.id, team.supervisor.name);
    return known;
  }, [team, detail.members]);
  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <div className="space-y-3">
          <BackLink to={adminPaths.teams}>Teams</BackLink>
          <div className="flex flex-wrap items-center gap-3">
            <PageHeading title={asOfTitle(team.name, view)}>{team.name}</PageHeading>
            <ActiveBadge active={team.isActive} />
          </div>
          {team.description && <p className="max-w-2xl text-slate-600">{team.description}</p>}
        </div>
        {view.kind !== 'present' && (
          <AsOfBanner view={view} cutAt={detail.asOf?.at ?? null} timeZone={detail.timeZone} />
        )}
        <SuccessNotice message={notice.message} onDismiss={notice.dismiss} />
        <AsOfPicker entityPath={teamPath(team.id)} view={view} today={today} />
        {view.kind === 'present' && <TeamActions team={team} notice={notice} />}
        {!team.isActive && (
          <div className="rounded-xl border-l-4 border-slate-400 bg-white px-5 py-4 text-sm shadow-sm ring-1 ring-slate-200">
            <p className="font-semibold text-slate-900">
              Deactivated
              {team.deactivatedAt && ` on ${formatInstant(team.deactivatedAt, detail.timeZone)}`}
            </p>
            {team.deactivationReason && (
              <p className="mt-1 text-slate-700">Reason: {team.deactivationReason}</p>
            )}
          </div>
        )}
        <FactList
          facts={[
            {
              label: 'Team lead',
              value: (
                <Link to={linkTo(team.leader.id)} className={textLinkClassName}>
                  {team.leader.name}
                </Link>
              ),
            },
            {
              label: 'Supervisor',
              value: team.supervisor ? (
                <Link to={linkTo(team.supervisor.id)} className={textLinkClassName}>
                  {team.supervisor.name}
                </Link>
              ) : (
                'None'
              ),
            },
            { label: 'Check-in window', value: formatWindow(team.windowStart, team.windowEnd) },
            { label: 'Work days', value: formatWorkDays(team.workDays) },
          ]}
        />
      </div>
      <TeamMembersSection detail={detail} notice={notice} names={names} view={view} />
      <DetailSection title="History">
        {(headingId) => (
          <EventTimeline
            entityType="team"
            entityId={team.id}
            headingId={headingId}
            names={names}
            cut={detail.asOf}
          />
        )}
      </DetailSection>
    </div>
  );
}
