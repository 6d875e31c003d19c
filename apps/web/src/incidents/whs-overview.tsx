import type { ReactNode } from 'react';
import { formatInstant } from '../admin/format-instant.ts';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { Link } from '../router/link.tsx';
import { trpc } from '../trpc/trpc.ts';
import { Badge } from '../ui/badge.tsx';
import { ERASED_TEXT } from '../ui/erased.ts';
import { textLinkClassName } from '../ui/link-styles.ts';
import {
  type CaseStatus,
  caseStatusLabels,
  caseStatusTones,
  incidentAddress,
  severityLabels,
  severityTones,
} from './incident-wording.ts';

function Panel({ title, children }: { title: string; children: ReactNode }) {
  const id = `overview-${title.toLowerCase().replaceAll(' ', '-')}`;
  return (
    <section
      aria-labelledby={id}
      className="space-y-2 rounded-xl border border-slate-200 bg-white p-4"
    >
      <h3 id={id} className="font-semibold text-slate-900">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** WHS: what waits for review, my cases, cases by state this month, and the latest changes. */
export function WhsOverview() {
  const dashboard = trpc.incidents.dashboard.useQuery();
  if (dashboard.isError) {
    return (
      <LoadErrorPanel
        title="We could not load the overview."
        error={dashboard.error}
        onRetry={() => void dashboard.refetch()}
        retrying={dashboard.isFetching}
      />
    );
  }
  if (!dashboard.data) return <LoadingPanel label="Loading the overview…" />;
  const data = dashboard.data;
  return (
    <section aria-labelledby="overview" className="space-y-3">
      <h2 id="overview" className="text-lg font-semibold text-slate-900">
        Overview
      </h2>
      <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-500">Waiting for review</dt>
          <dd className="text-xl font-semibold">{data.pendingCount}</dd>
        </div>
        {(Object.keys(data.casesByState) as CaseStatus[]).map((status) => (
          <div key={status} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-500">
              Cases {caseStatusLabels[status].toLowerCase()}
            </dt>
            <dd className="text-xl font-semibold">{data.casesByState[status]}</dd>
          </div>
        ))}
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-500">Resolved this month</dt>
          <dd className="text-xl font-semibold">{data.resolvedThisMonth}</dd>
        </div>
      </dl>
      <div className="grid gap-4 lg:grid-cols-3">
        <Panel title="Review next">
          {data.pending.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing waits for review.</p>
          ) : (
            <ul className="space-y-2">
              {data.pending.map((incident) => (
                <li key={incident.id} className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge tone={severityTones[incident.severity]}>
                    {severityLabels[incident.severity]}
                  </Badge>
                  <Link to={incidentAddress({ id: incident.id })} className={textLinkClassName}>
                    {incident.reference}
                  </Link>
                  <span className="text-slate-600">
                    {formatInstant(incident.reportedAt, data.timeZone)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="My open cases">
          {data.myOpenCases.length === 0 ? (
            <p className="text-sm text-slate-600">No open case is assigned to you.</p>
          ) : (
            <ul className="space-y-2">
              {data.myOpenCases.map((one) => (
                <li key={one.id} className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge tone={caseStatusTones[one.status]}>{caseStatusLabels[one.status]}</Badge>
                  <Link to={incidentAddress({ caseId: one.id })} className={textLinkClassName}>
                    {one.reference}
                  </Link>
                  <span className="text-slate-700">{one.title ?? ERASED_TEXT}</span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Recent activity">
          {data.recentActivity.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing has happened yet.</p>
          ) : (
            <ol className="space-y-2 text-sm">
              {data.recentActivity.map((entry) => (
                <li key={entry.id}>
                  <span className="block text-slate-500">
                    {entry.localTime}
                    {entry.actor ? ` · ${entry.actor.name}` : ''}
                  </span>
                  <span className="text-slate-900">{entry.summary}</span>
                </li>
              ))}
            </ol>
          )}
        </Panel>
      </div>
    </section>
  );
}
