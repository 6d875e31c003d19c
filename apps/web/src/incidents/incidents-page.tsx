import { usePageNotice } from '../admin/use-page-notice.ts';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { useLocationSearch } from '../router/history.ts';
import { Link } from '../router/link.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { trpc } from '../trpc/trpc.ts';
import { primaryLinkClassName } from '../ui/link-styles.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { CasePage } from './case-page.tsx';
import { IncidentAnalyticsSection } from './incident-analytics-section.tsx';
import { IncidentDetail } from './incident-detail.tsx';
import { caseStatusLabels, incidentAddress, statusLabels } from './incident-wording.ts';
import { MyIncidents } from './my-incidents.tsx';
import { ReportIncidentForm } from './report-incident-form.tsx';
import { WhsIncidentList } from './whs-incident-list.tsx';
import { WhsOverview } from './whs-overview.tsx';

/** Admins see how many, never what: counts per state. */
function IncidentCounts() {
  const counts = trpc.incidents.counts.useQuery();
  if (counts.isError) {
    return (
      <LoadErrorPanel
        title="We could not load the counts."
        error={counts.error}
        onRetry={() => void counts.refetch()}
        retrying={counts.isFetching}
      />
    );
  }
  if (!counts.data) return <LoadingPanel label="Loading counts…" />;
  const { incidents, cases } = counts.data;
  return (
    <section aria-labelledby="counts" className="space-y-2">
      <h2 id="counts" className="text-lg font-semibold text-slate-900">
        Company counts
      </h2>
      <p className="text-sm text-slate-600">Incident content is for WHS officers only.</p>
      <dl className="grid gap-3 sm:grid-cols-4">
        {(Object.keys(incidents) as Array<keyof typeof incidents>).map((status) => (
          <div key={status} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-500">Reports {statusLabels[status].toLowerCase()}</dt>
            <dd className="text-xl font-semibold">{incidents[status]}</dd>
          </div>
        ))}
        {(Object.keys(cases) as Array<keyof typeof cases>).map((status) => (
          <div key={status} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-500">
              Cases {caseStatusLabels[status].toLowerCase()}
            </dt>
            <dd className="text-xl font-semibold">{cases[status]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * /incidents for every role: report one and follow your own; WHS also reviews every report
 * and works the cases (?id=… a report, ?case=… a case, ?report=1 the form).
 */
export function IncidentsPage() {
  const { role } = useSignedInUser();
  const notice = usePageNotice();
  const params = new URLSearchParams(useLocationSearch());
  const id = params.get('id');
  const caseId = params.get('case');
  const announce = (message: string) => notice.announce(message);
  const success = <SuccessNotice message={notice.message} onDismiss={notice.dismiss} />;

  if (params.get('report')) {
    return <ReportIncidentForm onReported={notice.announce} />;
  }
  if (id) {
    return (
      <div className="space-y-4">
        {success}
        <IncidentDetail key={id} id={id} onNotice={announce} />
      </div>
    );
  }
  if (caseId && role === 'WHS') {
    return (
      <div className="space-y-4">
        {success}
        <CasePage key={caseId} caseId={caseId} onNotice={announce} />
      </div>
    );
  }
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <PageHeading title="Incidents">Incidents</PageHeading>
          <p className="max-w-2xl text-slate-600">
            {role === 'WHS'
              ? 'Review new reports, then follow each case from open to closed. Times are in company time.'
              : 'Report an incident and follow what happens to your reports.'}
          </p>
        </div>
        <Link to={incidentAddress({ report: true })} className={primaryLinkClassName}>
          Report an incident
        </Link>
      </div>
      {success}
      {role === 'WHS' && <WhsOverview />}
      {role === 'WHS' && <WhsIncidentList />}
      {role === 'WHS' && <IncidentAnalyticsSection />}
      {role === 'ADMIN' && <IncidentCounts />}
      <section aria-labelledby="my-reports" className="space-y-3">
        <h2 id="my-reports" className="text-lg font-semibold text-slate-900">
          My reports
        </h2>
        <MyIncidents />
      </section>
    </div>
  );
}
