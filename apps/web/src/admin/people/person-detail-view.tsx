import { useMemo } from 'react';
import { AlertsSection } from '../../alerts/alerts-section.tsx';
import { LeaveSection } from '../../attendance/leave-section.tsx';
import { MissesSection } from '../../attendance/misses-section.tsx';
import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { WorkerHistorySection } from '../../dashboards/worker-history-section.tsx';
import { errorCode, errorMessage } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { ActiveBadge, Badge } from '../../ui/badge.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { SuccessNotice } from '../../ui/success-notice.tsx';
import { adminPaths, personPath } from '../admin-paths.ts';
import { AsOfBanner } from '../as-of/as-of-banner.tsx';
import { type AsOfView, gateView } from '../as-of/as-of-params.ts';
import { AsOfPicker } from '../as-of/as-of-picker.tsx';
import { AsOfProblemPanel } from '../as-of/as-of-problem-panel.tsx';
import { asOfProblem, asOfTitle } from '../as-of/as-of-wording.ts';
import { useAsOfGate } from '../as-of/use-as-of-gate.ts';
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

/** One person now, or as they were at a point in time the address names (?asOf=, ?afterEvent=). */
export function PersonDetailView({ id, notice }: { id: string; notice: PageNotice }) {
  const { gate, today, timeZone } = useAsOfGate();
  const person = trpc.people.get.useQuery(
    { id, asOf: gate.kind === 'read' ? gate.input : undefined },
    { enabled: gate.kind === 'read' },
  );
  const refusal = person.isError
    ? { code: errorCode(person.error), message: errorMessage(person.error) }
    : null;
  const problem = asOfProblem('person', gate, today, refusal);
  if (problem) {
    return (
      <AsOfProblemPanel
        {...problem}
        backTo={adminPaths.people}
        backLabel="People"
        entityPath={personPath(id)}
        view={gateView(gate)}
        today={today}
      />
    );
  }
  if (person.data && gate.kind === 'read') {
    return (
      <PersonDetail
        person={person.data}
        notice={notice}
        view={gate.view}
        today={today}
        timeZone={timeZone}
      />
    );
  }
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

function PersonDetail({
  person,
  notice,
  view,
  today,
  timeZone,
}: {
  person: PersonDetailDto;
  notice: PageNotice;
  view: AsOfView;
  today: string;
  timeZone: string;
}) {
  const name = `${person.firstName} ${person.lastName}`;
  const past = view.kind !== 'present';
  const names = useMemo(() => new Map([[person.id, name]]), [person.id, name]);
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <BackLink to={adminPaths.people}>People</BackLink>
        <div className="flex flex-wrap items-center gap-3">
          <PageHeading title={asOfTitle(name, view)}>{name}</PageHeading>
          <Badge tone="teal">{roleLabels[person.role]}</Badge>
          <ActiveBadge active={person.isActive} />
        </div>
      </div>
      {view.kind !== 'present' && (
        <AsOfBanner view={view} cutAt={person.asOf?.at ?? null} timeZone={timeZone} />
      )}
      <SuccessNotice message={notice.message} onDismiss={notice.dismiss} />
      <AsOfPicker entityPath={personPath(person.id)} view={view} today={today} />
      {!past && <PersonActions person={person} notice={notice} />}
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
      <PersonFacts person={person} timeZone={timeZone} view={view} />
      {person.pendingTransfer && (
        <section
          aria-label="Pending team move"
          className="rounded-xl bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200"
        >
          <h2 className="mb-2 text-sm font-semibold text-slate-900">Pending team move</h2>
          <PendingTransfer
            transfer={person.pendingTransfer}
            direction="out"
            notice={notice}
            canCancel={!past}
          />
        </section>
      )}
      {/* Check-in history, leave, alerts and misses are today's records, each with its actions. */}
      {person.role === 'WORKER' && !past && (
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
            cut={person.asOf}
          />
        )}
      </DetailSection>
    </div>
  );
}
