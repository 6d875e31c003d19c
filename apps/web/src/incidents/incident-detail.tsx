import type { ReactNode } from 'react';
import { formatInstant } from '../admin/format-instant.ts';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { Link } from '../router/link.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { trpc } from '../trpc/trpc.ts';
import { Badge } from '../ui/badge.tsx';
import { ERASED_TEXT } from '../ui/erased.ts';
import { textLinkClassName } from '../ui/link-styles.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import {
  caseStatusLabels,
  caseStatusTones,
  incidentAddress,
  rejectionReasonLabels,
  severityLabels,
  severityTones,
  statusLabels,
  statusTones,
  typeLabels,
} from './incident-wording.ts';
import { ReviewPanel } from './review-panel.tsx';

function Fact({
  label,
  children,
  className,
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** One report: what happened, its state, the review and the case it opened. */
export function IncidentDetail({
  id,
  onNotice,
}: {
  id: string;
  onNotice: (message: string) => void;
}) {
  const me = useSignedInUser();
  const incident = trpc.incidents.get.useQuery({ incidentId: id });
  if (incident.isError) {
    return (
      <LoadErrorPanel
        title="We could not load this incident."
        error={incident.error}
        onRetry={() => void incident.refetch()}
        retrying={incident.isFetching}
      />
    );
  }
  if (!incident.data) return <LoadingPanel label="Loading the incident…" />;
  const data = incident.data;
  const when = (iso: string) => formatInstant(iso, data.timeZone);
  return (
    <div className="space-y-6">
      <Link to={incidentAddress({})} className={textLinkClassName}>
        ← All incidents
      </Link>
      <div className="space-y-2">
        <PageHeading title={data.reference}>
          {data.reference}: {data.title ?? ERASED_TEXT}
        </PageHeading>
        <div className="flex flex-wrap gap-2">
          <Badge tone={statusTones[data.status]}>{statusLabels[data.status]}</Badge>
          <Badge tone={severityTones[data.severity]}>
            {severityLabels[data.severity]} severity
          </Badge>
          {data.case && (
            <Badge tone={caseStatusTones[data.case.status]}>
              Case {data.case.reference}: {caseStatusLabels[data.case.status]}
            </Badge>
          )}
        </div>
        <p className="text-sm text-slate-500">Times are in company time ({data.timeZone}).</p>
      </div>
      <dl className="grid gap-4 rounded-xl border border-slate-200 bg-white p-6 sm:grid-cols-2">
        <Fact label="Type">{typeLabels[data.type]}</Fact>
        <Fact label="Happened">{when(data.occurredAt)}</Fact>
        <Fact label="Reported">
          {when(data.reportedAt)} by {data.reporter.name}
        </Fact>
        <Fact label="Location">{data.location ?? 'Not given'}</Fact>
        <Fact label="Team at the time">{data.team?.name ?? 'None'}</Fact>
        <Fact label="People involved">
          {data.peopleInvolved.length === 0
            ? 'None named'
            : data.peopleInvolved.map((p) => p.name).join(', ')}
        </Fact>
        <Fact label="Description" className="sm:col-span-2">
          <span className="whitespace-pre-line">{data.description ?? ERASED_TEXT}</span>
        </Fact>
      </dl>
      {data.status === 'REJECTED' && (
        <section className="rounded-xl border border-slate-200 bg-white p-6">
          <h2 className="text-lg font-semibold text-slate-900">Rejected</h2>
          <p className="text-slate-700">
            {data.rejectionReason ? rejectionReasonLabels[data.rejectionReason] : ''}
            {data.reviewedBy ? ` — ${data.reviewedBy.name}` : ''}
            {data.reviewedAt ? `, ${when(data.reviewedAt)}` : ''}
          </p>
          <p className="mt-2 whitespace-pre-line text-slate-700">{data.rejectionExplanation}</p>
        </section>
      )}
      {data.status === 'APPROVED' && data.case && (
        <section className="rounded-xl border border-slate-200 bg-white p-6">
          <h2 className="text-lg font-semibold text-slate-900">Outcome</h2>
          <p className="text-slate-700">
            Approved{data.reviewedBy ? ` by ${data.reviewedBy.name}` : ''}. Case{' '}
            {data.case.reference} is{' '}
            <strong>{caseStatusLabels[data.case.status].toLowerCase()}</strong>, with{' '}
            {data.case.assignee.name}.
          </p>
          {me.role === 'WHS' && (
            <Link to={incidentAddress({ caseId: data.case.id })} className={textLinkClassName}>
              Open case {data.case.reference}
            </Link>
          )}
        </section>
      )}
      {data.status === 'PENDING' && me.role === 'WHS' && (
        <ReviewPanel incident={data} onDone={onNotice} />
      )}
      {data.status === 'PENDING' && me.role !== 'WHS' && (
        <p className="text-slate-600">
          A WHS officer has not reviewed it yet. You will be told when they do.
        </p>
      )}
    </div>
  );
}
