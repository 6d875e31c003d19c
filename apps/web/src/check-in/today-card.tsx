import { useQuery } from '@tanstack/react-query';
import { Link } from '../router/link.tsx';
import { paths } from '../router/paths.ts';
import { procedureQuery } from '../trpc/first-page-client.ts';
import { LoadErrorPanel, LoadingPanel } from './load-states.tsx';
import { describeToday, type TodaySummary } from './status-wording.ts';
import { TodayNotice } from './today-notice.tsx';

const primaryLinkClassName =
  'inline-flex items-center justify-center rounded-lg bg-teal-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700';
const textLinkClassName = 'text-sm font-medium text-teal-700 underline-offset-2 hover:underline';

type TodayCardProps = {
  /**
   * For roles that do not usually check in: show the card only to someone on a team,
   * and nothing at all while loading or on an error.
   */
  onlyWithTeam?: boolean;
};

/** The home page's answer to "what about my check-in today?". */
export function TodayCard({ onlyWithTeam = false }: TodayCardProps) {
  const status = useQuery(procedureQuery('checkIn.status'));
  if (onlyWithTeam && (!status.data || status.data.blockedReason === 'NO_TEAM')) return null;

  return (
    <section aria-labelledby="today-card-heading" className="space-y-3">
      <h2 id="today-card-heading" className="text-sm font-semibold text-slate-900">
        Today’s check-in
      </h2>
      {status.isPending && <LoadingPanel label="Loading today’s check-in…" />}
      {status.isError && (
        <LoadErrorPanel
          title="We could not load today’s check-in."
          error={status.error}
          onRetry={() => void status.refetch()}
          retrying={status.isFetching}
        />
      )}
      {status.data && <TodaySummaryCard summary={describeToday(status.data)} />}
    </section>
  );
}

function TodaySummaryCard({ summary }: { summary: TodaySummary }) {
  return (
    <TodayNotice summary={summary}>
      {summary.action === 'check-in' && (
        <Link to={paths.checkIn} className={primaryLinkClassName}>
          Check in now
        </Link>
      )}
      {summary.action === 'view-result' && (
        <Link to={paths.checkIn} className={primaryLinkClassName}>
          View today’s check-in
        </Link>
      )}
      <Link to={paths.history} className={textLinkClassName}>
        Your history
      </Link>
    </TodayNotice>
  );
}
