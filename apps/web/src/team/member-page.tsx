import { BackLink } from '../admin/back-link.tsx';
import { FactList } from '../admin/fact-list.tsx';
import { NotFoundPanel } from '../admin/not-found-panel.tsx';
import type { Person } from '../admin/people/people-types.ts';
import { AlertsSection } from '../alerts/alerts-section.tsx';
import { LeaveSection } from '../attendance/leave-section.tsx';
import { MissesSection } from '../attendance/misses-section.tsx';
import { formatLocalDate } from '../check-in/format.ts';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { WorkerHistorySection } from '../dashboards/worker-history-section.tsx';
import { errorCode } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { ActiveBadge } from '../ui/badge.tsx';
import { PageHeading } from '../ui/page-heading.tsx';

type MemberPageProps = {
  personId: string;
  /** The roster this page was opened from. */
  backTo: string;
  backLabel: string;
  /** A team lead records leave and excuses misses; a supervisor only reads. */
  canManage: boolean;
};

/** One member of the viewer's team: their leave and their missed check-ins. */
export function MemberPage({ personId, backTo, backLabel, canManage }: MemberPageProps) {
  const person = trpc.people.get.useQuery({ id: personId });
  if (person.data) {
    return (
      <MemberDetail
        person={person.data}
        backTo={backTo}
        backLabel={backLabel}
        canManage={canManage}
      />
    );
  }
  if (person.isError && errorCode(person.error) === 'NOT_FOUND') {
    return <NotFoundPanel title="Team member not found" backTo={backTo} backLabel={backLabel} />;
  }
  return (
    <div className="space-y-4">
      <BackLink to={backTo}>{backLabel}</BackLink>
      {person.isError ? (
        <LoadErrorPanel
          title="We could not load this team member."
          error={person.error}
          onRetry={() => void person.refetch()}
          retrying={person.isFetching}
        />
      ) : (
        <LoadingPanel label="Loading this team member…" />
      )}
    </div>
  );
}

function MemberDetail({
  person,
  backTo,
  backLabel,
  canManage,
}: Omit<MemberPageProps, 'personId'> & { person: Person }) {
  const name = `${person.firstName} ${person.lastName}`;
  const isWorker = person.role === 'WORKER';
  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <div className="space-y-3">
          <BackLink to={backTo}>{backLabel}</BackLink>
          <div className="flex flex-wrap items-center gap-3">
            <PageHeading title={name}>{name}</PageHeading>
            <ActiveBadge active={person.isActive} />
          </div>
        </div>
        <FactList
          facts={[
            { label: 'Email', value: person.email },
            { label: 'Phone', value: person.phone ?? 'Not given' },
            {
              label: 'Team',
              value: person.team
                ? `${person.team.name}${person.teamAssignedOn ? ` · since ${formatLocalDate(person.teamAssignedOn, 'long')}` : ''}`
                : 'No team',
            },
          ]}
        />
      </div>
      {isWorker && <WorkerHistorySection personId={person.id} />}
      {isWorker && <LeaveSection personId={person.id} personName={name} canManage={canManage} />}
      {/* The lead and the supervisor of the team both act on alerts. */}
      {isWorker && <AlertsSection scope={{ personId: person.id }} canAct />}
      <MissesSection scope={{ personId: person.id }} canExcuse={canManage} />
    </div>
  );
}
