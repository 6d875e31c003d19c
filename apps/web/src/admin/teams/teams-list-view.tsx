import { keepPreviousData } from '@tanstack/react-query';
import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { Link } from '../../router/link.tsx';
import { trpc } from '../../trpc/trpc.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { primaryLinkClassName } from '../../ui/link-styles.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { SuccessNotice } from '../../ui/success-notice.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { adminPaths, subViewPath } from '../admin-paths.ts';
import { useDebouncedValue } from '../use-debounced-value.ts';
import type { PageNotice } from '../use-page-notice.ts';
import { type TeamsFilters, teamsListInput } from './teams-filters.ts';
import { TeamsTable } from './teams-table.tsx';

type TeamsListViewProps = {
  filters: TeamsFilters;
  onFiltersChange: (filters: TeamsFilters) => void;
  notice: PageNotice;
};

export function TeamsListView({ filters, onFiltersChange, notice }: TeamsListViewProps) {
  const search = useDebouncedValue(filters.search, 300);
  const teams = trpc.teams.list.useQuery(teamsListInput({ ...filters, search }), {
    placeholderData: keepPreviousData,
  });
  const set = (change: Partial<TeamsFilters>) => onFiltersChange({ ...filters, ...change });
  const filtered = filters.search.trim() !== '';
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <PageHeading title="Teams">Teams</PageHeading>
          <p className="max-w-2xl text-slate-600">
            Each team has a lead, an optional supervisor, and a check-in window on its work days.
          </p>
        </div>
        <Link to={subViewPath(adminPaths.teams, { kind: 'new' })} className={primaryLinkClassName}>
          New team
        </Link>
      </div>
      <SuccessNotice message={notice.message} onDismiss={notice.dismiss} />
      <search aria-label="Filter teams" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          label="Search"
          type="search"
          placeholder="Team name"
          autoComplete="off"
          value={filters.search}
          onValueChange={(value) => set({ search: value })}
        />
        <SelectField
          label="Status"
          value={filters.status}
          onValueChange={(value) => set({ status: value === 'inactive' ? 'inactive' : 'active' })}
        >
          <option value="active">Active teams</option>
          <option value="inactive">Deactivated teams</option>
        </SelectField>
      </search>
      {teams.data ? (
        <section
          aria-label="Results"
          aria-busy={(teams.isPlaceholderData && teams.isFetching) || undefined}
        >
          {teams.data.items.length === 0 ? (
            <EmptyState
              title={
                filtered
                  ? 'No team matches this search'
                  : filters.status === 'active'
                    ? 'No teams yet'
                    : 'No deactivated teams'
              }
            >
              {!filtered && filters.status === 'active' && (
                <>Create the first team. It needs a person with the Team lead role to lead it.</>
              )}
            </EmptyState>
          ) : (
            <TeamsTable teams={teams.data.items} />
          )}
        </section>
      ) : teams.isError ? (
        <LoadErrorPanel
          title="We could not load the teams."
          error={teams.error}
          onRetry={() => void teams.refetch()}
          retrying={teams.isFetching}
        />
      ) : (
        <LoadingPanel label="Loading teams…" />
      )}
    </div>
  );
}
