import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { Link } from '../../router/link.tsx';
import { errorMessage } from '../../trpc/errors.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { primaryLinkClassName } from '../../ui/link-styles.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { SuccessNotice } from '../../ui/success-notice.tsx';
import { adminPaths, subViewPath } from '../admin-paths.ts';
import { useDebouncedValue } from '../use-debounced-value.ts';
import type { PageNotice } from '../use-page-notice.ts';
import { FailedLoginsCard } from './failed-logins-card.tsx';
import { PeopleFilterBar } from './people-filter-bar.tsx';
import { hasPeopleFilters, type PeopleFilters, peopleListInput } from './people-filters.ts';
import { PeopleTable } from './people-table.tsx';
import { usePeoplePages } from './use-people-pages.ts';

const SEARCH_DELAY_MS = 300;

type PeopleListViewProps = {
  filters: PeopleFilters;
  onFiltersChange: (filters: PeopleFilters) => void;
  notice: PageNotice;
};

export function PeopleListView({ filters, onFiltersChange, notice }: PeopleListViewProps) {
  const search = useDebouncedValue(filters.search, SEARCH_DELAY_MS);
  const people = usePeoplePages(peopleListInput({ ...filters, search }));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <PageHeading title="People">People</PageHeading>
          <p className="max-w-2xl text-slate-600">
            Everyone in your company: their role, their team, and whether they can sign in.
          </p>
        </div>
        <Link to={subViewPath(adminPaths.people, { kind: 'new' })} className={primaryLinkClassName}>
          Add person
        </Link>
      </div>
      <SuccessNotice message={notice.message} onDismiss={notice.dismiss} />
      <FailedLoginsCard />
      <PeopleFilterBar filters={filters} onChange={onFiltersChange} />
      <PeopleResults people={people} filtered={hasPeopleFilters(filters)} />
    </div>
  );
}

function PeopleResults({
  people,
  filtered,
}: {
  people: ReturnType<typeof usePeoplePages>;
  filtered: boolean;
}) {
  if (!people.data) {
    if (!people.isError) return <LoadingPanel label="Loading people…" />;
    return (
      <LoadErrorPanel
        title="We could not load the people of your company."
        error={people.error}
        onRetry={() => void people.refetch()}
        retrying={people.isFetching}
      />
    );
  }
  const items = people.data.pages.flatMap((page) => page.items);
  const updating = people.isPlaceholderData && people.isFetching;
  return (
    <section aria-label="Results" aria-busy={updating || undefined} className="space-y-3">
      <p role="status" className="flex min-h-5 items-center gap-2 text-sm text-slate-600">
        {updating ? (
          <>
            <Spinner className="size-4 text-teal-700" />
            Updating…
          </>
        ) : (
          `${items.length}${people.hasNextPage ? '+' : ''} ${items.length === 1 ? 'person' : 'people'}`
        )}
      </p>
      {items.length === 0 ? (
        <EmptyState title={filtered ? 'Nobody matches these filters' : 'No people yet'}>
          {filtered ? 'Try another search or clear a filter.' : 'Add the first person.'}
        </EmptyState>
      ) : (
        <PeopleTable people={items} />
      )}
      {people.isFetchNextPageError && (
        <p role="alert" className="text-sm text-red-700">
          Could not load more. {errorMessage(people.error)}
        </p>
      )}
      {people.hasNextPage && (
        <Button
          variant="secondary"
          pending={people.isFetchingNextPage}
          onClick={() => void people.fetchNextPage()}
        >
          Load more
        </Button>
      )}
    </section>
  );
}
