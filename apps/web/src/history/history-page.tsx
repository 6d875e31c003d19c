import { useState } from 'react';
import { LoadErrorPanel } from '../check-in/load-states.tsx';
import { Link } from '../router/link.tsx';
import { paths } from '../router/paths.ts';
import { useSignedInUser } from '../session/session-store.ts';
import { trpc } from '../trpc/trpc.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { CHART_DAYS, todayIn } from './chart-data.ts';
import { HistoryChart } from './history-chart.tsx';
import { HistoryList } from './history-list.tsx';

export function HistoryPage() {
  const user = useSignedInUser();
  const timeZone = user.company.timezone;
  const [now] = useState(() => new Date());
  // One check-in a day at most, so the newest 30 hold every day the chart can show.
  const recent = trpc.checkIn.history.useQuery({ limit: CHART_DAYS });
  const empty = recent.data?.items.length === 0;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading title="History">History</PageHeading>
        <p className="max-w-2xl text-slate-600">
          Your check-ins, newest first. An amended check-in keeps every version: open it to see what
          you first answered.
        </p>
      </div>
      {empty ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="font-medium text-slate-900">No check-ins yet</p>
          <p className="mt-1 text-sm text-slate-600">
            Your scores will show here after your first check-in.{' '}
            <Link
              to={paths.checkIn}
              className="font-medium text-teal-700 underline-offset-2 hover:underline"
            >
              Go to the check-in
            </Link>
          </p>
        </div>
      ) : (
        <>
          {recent.data && (
            <HistoryChart checkIns={recent.data.items} today={todayIn(now, timeZone)} />
          )}
          {recent.isError && (
            <LoadErrorPanel
              title="We could not load the last 30 days."
              error={recent.error}
              onRetry={() => void recent.refetch()}
              retrying={recent.isFetching}
            />
          )}
          <HistoryList timeZone={timeZone} />
        </>
      )}
    </div>
  );
}
