import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { errorMessage } from '../trpc/errors.ts';
import { Button } from '../ui/button.tsx';
import { HistoryItem } from './history-item.tsx';
import { useHistoryPages } from './use-history-pages.ts';

const PAGE_SIZE = 10;

/** Every check-in, newest first, a page at a time. */
export function HistoryList({ timeZone }: { timeZone: string }) {
  const history = useHistoryPages(PAGE_SIZE);
  // A failed "load more" keeps the pages already shown; only a failed first page replaces them.
  if (!history.data) {
    if (!history.isError) return <LoadingPanel label="Loading your check-ins…" />;
    return (
      <LoadErrorPanel
        title="We could not load your check-ins."
        error={history.error}
        onRetry={() => void history.refetch()}
        retrying={history.isFetching}
      />
    );
  }
  const items = history.data.pages.flatMap((page) => page.items);
  return (
    <section aria-labelledby="history-list-heading" className="space-y-3">
      <h2 id="history-list-heading" className="text-base font-semibold text-slate-900">
        All check-ins
      </h2>
      <ol className="space-y-3">
        {items.map((checkIn) => (
          <li key={checkIn.id}>
            <HistoryItem checkIn={checkIn} timeZone={timeZone} />
          </li>
        ))}
      </ol>
      {history.isFetchNextPageError && (
        <p role="alert" className="text-sm text-red-700">
          Could not load more. {errorMessage(history.error)}
        </p>
      )}
      {history.hasNextPage && (
        <Button
          variant="secondary"
          pending={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          Load more
        </Button>
      )}
    </section>
  );
}
