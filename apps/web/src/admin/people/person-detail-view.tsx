import { useMemo } from 'react';
import { AlertsSection } from '../../alerts/alerts-section.tsx';
import { LeaveSection } from '../../attendance/leave-section.tsx';
import { MissesSection } from '../../attendance/misses-section.tsx';
import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { WorkerHistorySection } from '../../dashboards/worker-history-section.tsx';
import { useSignedInUser } from '../../session/session-store.ts';
import { errorCode } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { ActiveBadge, Badge } from '../../ui/badge.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { SuccessNotice } from '../../ui/success-notice.tsx';
import { adminPaths } from '../admin-paths.ts';
import { BackLink } from '../back-link.tsx';
import { DetailSection } from '../detail-section.tsx';
import { formatInstant } from '../format-instant.ts';
import { NotFoundPanel } from '../not-found-panel.tsx';
import { roleLabels } from '../roles.ts';
import { PendingTransfer } from '../teams/cancel-transfer-button.tsx';
import { EventTimeline } from '../timeline/event-timeline.tsx';
import type { PageNotice } from '../use-page-notice.ts';
import type { PersonDetail as PersonDetailDto } from './people-types.ts';
import { PersonActions } from './person-actions.tsx';
import { PersonFacts } from './person-facts.tsx';

export function PersonDetailView({ id, notice }: { id: string; notice: PageNotice }) {
  const person = trpc.people.get.useQuery({ id });
  if (person.data) return <PersonDetail person={person.data} notice={notice} />;
  if (person.isError && errorCode(person.error) === 'NOT_FOUND') {
    return <NotFoundPanel title="Person not found" backTo={adminPaths.people} backLabel="People" />;
  }
  return (
    <div className="space-y-4">
      <BackLink to={adminPaths.people}>People</BackLink>
      {person.isError ? (
        <LoadErrorPanel
          title="We could not load this person."
          error={person.error}
          onRetry={() => void person.refetch()}
          retrying={person.isFetching}
        />
      ) : (
        <LoadingPanel label="Loading this person…" />
      )}
    </div>
  );
}

function PersonDetail({ person, notice }: { person: PersonDetailDto; notice: PageNotice }) {
  const timeZone = useSignedInUser().company.timezone;
  const name = `${person.firstName} ${person.lastName}`;
  const names = useMemo(() => new Map([[person.id, name]]), [person.id, name]);
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <BackLink to={adminPaths.people}>People</BackLink>
        <div className="flex flex-wrap items-center gap-3">
          <PageHeading title={name}>{name}</PageHeading>
          <Badge tone="teal">{roleLabels[person.role]}</Badge>
          <ActiveBadge active={person.isActive} />
        </div>
      </div>
      <SuccessNotice message={notice.message} onDismiss={notice.dismiss} />
      <PersonActions person={person} notice={notice} />
      {!person.isActive && (
        <div className="rounded-xl border-l-4 border-slate-400 bg-white px-5 py-4 text-sm shadow-sm ring-1 ring-slate-200">
          <p className="font-semibold text-slate-900">
            Deactivated
            {person.deactivatedAt && ` on ${formatInstant(person.deactivatedAt, timeZone)}`}
          </p>
          {person.deactivationReason && (
            <p className="mt-1 text-slate-700">Reason: {person.deactivationReason}</p>
          )}
        </div>
      )}
      <PersonFacts person={person} timeZone={timeZone} />
      {person.pendingTransfer && (
        <section
          aria-label="Pending team move"
          className="rounded-xl bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200"
        >
          <h2 className="mb-2 text-sm font-semibold text-slate-900">Pending team move</h2>
          <PendingTransfer transfer={person.pendingTransfer} direction="out" notice={notice} />
        </section>
      )}
      {person.role === 'WORKER' && (
        <>
          <WorkerHistorySection personId={person.id} />
          <LeaveSection personId={person.id} personName={name} canManage />
          <AlertsSection scope={{ personId: person.id }} canAct />
          <MissesSection scope={{ personId: person.id }} canExcuse names={names} />
        </>
      )}
      <DetailSection title="History">
        {(headingId) => (
          <EventTimeline
            entityType="person"
            entityId={person.id}
            headingId={headingId}
            names={names}
          />
        )}
      </DetailSection>
    </div>
  );
}
