import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { trpc } from '../trpc/trpc.ts';
import { Button } from '../ui/button.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { IncidentTable } from './incident-table.tsx';

/** The caller's own reports and where each stands. */
export function MyIncidents() {
  const mine = trpc.incidents.listMine.useInfiniteQuery(
    { limit: 20 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  if (mine.isError) {
    return (
      <LoadErrorPanel
        title="We could not load your reports."
        error={mine.error}
        onRetry={() => void mine.refetch()}
        retrying={mine.isFetching}
      />
    );
  }
  if (!mine.data) return <LoadingPanel label="Loading your reports…" />;
  const items = mine.data.pages.flatMap((page) => page.items);
  const timeZone = mine.data.pages[0]?.timeZone ?? 'UTC';
  if (items.length === 0) {
    return (
      <EmptyState title="You have not reported any incidents">
        Reports you make show here with their state.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      <IncidentTable
        caption="My reports"
        incidents={items}
        timeZone={timeZone}
        showReporter={false}
      />
      {mine.hasNextPage && (
        <Button
          variant="secondary"
          pending={mine.isFetchingNextPage}
          onClick={() => void mine.fetchNextPage()}
        >
          Show more
        </Button>
      )}
    </div>
  );
}
