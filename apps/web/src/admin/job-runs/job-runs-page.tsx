import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { useSignedInUser } from '../../session/session-store.ts';
import { errorMessage } from '../../trpc/errors.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { JobRunsTable } from './job-runs-table.tsx';
import { useJobRunPages } from './use-job-run-pages.ts';

export const JOB_RUNS_PAGE_SIZE = 25;

/** Every run of the scheduled jobs (missed check-in detection, due team moves…), newest first. */
export function JobRunsPage() {
  const timeZone = useSignedInUser().company.timezone;
  const runs = useJobRunPages({ limit: JOB_RUNS_PAGE_SIZE });
  const items = runs.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <PageHeading title="Job runs">Job runs</PageHeading>
          <p className="max-w-2xl text-slate-600">
            The scheduled jobs run on their own: missed check-in detection every few minutes, team
            moves on their day. Each run is listed with what it did. Times are in {timeZone}.
          </p>
        </div>
        {runs.data && (
          <Button
            variant="secondary"
            pending={runs.isRefetching && !runs.isFetchingNextPage}
            onClick={() => void runs.refetch()}
          >
            Refresh
          </Button>
        )}
      </div>
      {!runs.data ? (
        runs.isError ? (
          <LoadErrorPanel
            title="We could not load the job runs."
            error={runs.error}
            onRetry={() => void runs.refetch()}
            retrying={runs.isFetching}
          />
        ) : (
          <LoadingPanel label="Loading job runs…" />
        )
      ) : items.length === 0 ? (
        <EmptyState title="No runs yet">
          The first runs show here a few minutes after the server starts.
        </EmptyState>
      ) : (
        <section aria-label="Runs" className="space-y-3">
          {runs.isRefetchError && (
            <p role="alert" className="text-sm text-red-700">
              Could not refresh. {errorMessage(runs.error)}
            </p>
          )}
          <JobRunsTable runs={items} timeZone={timeZone} />
          {runs.isFetchNextPageError && (
            <p role="alert" className="text-sm text-red-700">
              Could not load more. {errorMessage(runs.error)}
            </p>
          )}
          {runs.hasNextPage && (
            <Button
              variant="secondary"
              pending={runs.isFetchingNextPage}
              onClick={() => void runs.fetchNextPage()}
            >
              Load more
            </Button>
          )}
        </section>
      )}
    </div>
  );
}
