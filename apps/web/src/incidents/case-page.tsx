import { formatInstant } from '../admin/format-instant.ts';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { Link } from '../router/link.tsx';
import { trpc } from '../trpc/trpc.ts';
import { Badge } from '../ui/badge.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ERASED_TEXT } from '../ui/erased.ts';
import { textLinkClassName } from '../ui/link-styles.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { DataTable, tdClassName, thClassName } from '../ui/table.tsx';
import { NoteForm, ReassignForm, TransitionForm } from './case-actions.tsx';
import {
  type CaseDetail,
  caseStatusLabels,
  caseStatusTones,
  incidentAddress,
  severityLabels,
  severityTones,
  typeLabels,
} from './incident-wording.ts';

type Day = CaseDetail['readiness']['people'][number]['days'][number];

function dayText(day: Day): string {
  if (day.leaveType) return `Leave (${day.leaveType.toLowerCase()})`;
  if (day.missed) return 'Missed';
  if (day.readinessScore !== null)
    return `${day.readinessScore} ${day.readinessLevel ?? ''}`.trim();
  return '—';
}

function ReadinessContext({ readiness }: { readiness: CaseDetail['readiness'] }) {
  const dates = readiness.people[0]?.days.map((day) => day.localDate) ?? [];
  return (
    <section aria-labelledby="readiness" className="space-y-2">
      <h2 id="readiness" className="text-lg font-semibold text-slate-900">
        Readiness in the 14 days before
      </h2>
      <p className="text-sm text-slate-600">
        {readiness.from} to {readiness.to}: readiness score and level, missed check-ins and leave of
        the reporter and the people involved.
      </p>
      <DataTable
        caption="Readiness in the 14 days before the incident"
        scrollable
        head={
          <tr>
            <th scope="col" className={thClassName}>
              Person
            </th>
            {dates.map((date) => (
              <th key={date} scope="col" className={thClassName}>
                {date.slice(5)}
              </th>
            ))}
          </tr>
        }
      >
        {readiness.people.map((person) => (
          <tr key={person.personId}>
            <th scope="row" className={`${tdClassName} text-left font-medium`}>
              {person.name}
              {person.reporter ? ' (reporter)' : ''}
            </th>
            {person.days.map((day) => (
              <td key={day.localDate} className={`${tdClassName} whitespace-nowrap`}>
                {dayText(day)}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** WHS: one case, worked from open to closed. */
export function CasePage({
  caseId,
  onNotice,
}: {
  caseId: string;
  onNotice: (message: string) => void;
}) {
  const detail = trpc.cases.get.useQuery({ caseId });
  if (detail.isError) {
    return (
      <LoadErrorPanel
        title="We could not load this case."
        error={detail.error}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }
  if (!detail.data) return <LoadingPanel label="Loading the case…" />;
  const data = detail.data;
  const when = (iso: string) => formatInstant(iso, data.timeZone);
  return (
    <div className="space-y-8">
      <Link to={incidentAddress({})} className={textLinkClassName}>
        ← All incidents
      </Link>
      <div className="space-y-2">
        <PageHeading title={data.reference}>
          Case {data.reference}: {data.incident.title ?? ERASED_TEXT}
        </PageHeading>
        <div className="flex flex-wrap gap-2">
          <Badge tone={caseStatusTones[data.status]}>{caseStatusLabels[data.status]}</Badge>
          <Badge tone={severityTones[data.incident.severity]}>
            {severityLabels[data.incident.severity]} severity
          </Badge>
        </div>
        <p className="text-slate-700">
          {typeLabels[data.incident.type]} reported by {data.incident.reporter.name} (
          <Link to={incidentAddress({ id: data.incident.id })} className={textLinkClassName}>
            {data.incident.reference}
          </Link>
          ). Assigned to <strong>{data.assignee.name}</strong>. Opened {when(data.openedAt)} by{' '}
          {data.openedBy.name}.
        </p>
        <p className="text-sm text-slate-500">Times are in company time ({data.timeZone}).</p>
      </div>
      {data.resolutionSummary && (
        <section className="rounded-xl border border-emerald-200 bg-emerald-50 p-4">
          <h2 className="font-semibold text-emerald-900">Resolution summary</h2>
          <p className="whitespace-pre-line text-emerald-900">{data.resolutionSummary}</p>
        </section>
      )}
      <section
        aria-labelledby="actions"
        className="grid gap-6 rounded-xl border border-slate-200 bg-white p-6 md:grid-cols-2"
      >
        <h2 id="actions" className="sr-only">
          Actions
        </h2>
        <TransitionForm key={data.status} detail={data} onDone={onNotice} />
        <ReassignForm detail={data} onDone={onNotice} />
      </section>
      <section aria-labelledby="notes" className="space-y-3">
        <h2 id="notes" className="text-lg font-semibold text-slate-900">
          Notes
        </h2>
        {data.notes.length === 0 ? (
          <EmptyState title="No notes yet">
            Notes record what was found and done, in order.
          </EmptyState>
        ) : (
          <ol className="space-y-3">
            {data.notes.map((note) => (
              <li key={note.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="text-sm text-slate-500">
                  {note.author.name}, {when(note.addedAt)}
                </p>
                <p className="whitespace-pre-line text-slate-900">{note.text ?? ERASED_TEXT}</p>
              </li>
            ))}
          </ol>
        )}
        <NoteForm detail={data} onDone={onNotice} />
      </section>
      <ReadinessContext readiness={data.readiness} />
      <section aria-labelledby="timeline" className="space-y-3">
        <h2 id="timeline" className="text-lg font-semibold text-slate-900">
          Timeline
        </h2>
        <ol className="space-y-2 border-l-2 border-slate-200 pl-4">
          {data.timeline.map((entry) => (
            <li key={entry.id}>
              <p className="text-sm text-slate-500">
                {entry.localTime}
                {entry.actor ? ` · ${entry.actor.name}` : ''}
              </p>
              <p className="text-slate-900">{entry.summary}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
