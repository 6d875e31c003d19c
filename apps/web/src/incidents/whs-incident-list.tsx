import { useState } from 'react';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { trpc } from '../trpc/trpc.ts';
import { Button } from '../ui/button.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { IncidentTable } from './incident-table.tsx';
import {
  type IncidentSeverity,
  type IncidentStatus,
  type IncidentType,
  severityLabels,
  statusLabels,
  typeLabels,
} from './incident-wording.ts';

type Filters = {
  status: IncidentStatus | '';
  severity: IncidentSeverity | '';
  type: IncidentType | '';
  from: string;
  to: string;
  search: string;
};
const noFilters: Filters = { status: '', severity: '', type: '', from: '', to: '', search: '' };

function listInput(filters: Filters) {
  return {
    limit: 25,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.severity ? { severity: filters.severity } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
  };
}

const STATUSES: IncidentStatus[] = ['PENDING', 'APPROVED', 'REJECTED'];

/** WHS: every report, filtered, with how many are in each state. */
export function WhsIncidentList() {
  const [filters, setFilters] = useState<Filters>(noFilters);
  const list = trpc.incidents.list.useInfiniteQuery(listInput(filters), {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const set = (field: keyof Filters) => (value: string) =>
    setFilters((current) => ({ ...current, [field]: value }));
  const counts = list.data?.pages[0]?.counts;
  const timeZone = list.data?.pages[0]?.timeZone ?? 'UTC';
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="all-reports" className="space-y-4">
      <h2 id="all-reports" className="text-lg font-semibold text-slate-900">
        All reports
      </h2>
      <fieldset className="space-y-3">
        <legend className="sr-only">State</legend>
        <div className="flex flex-wrap gap-2">
          {[
            { value: '' as const, label: 'All' },
            ...STATUSES.map((s) => ({ value: s, label: statusLabels[s] })),
          ].map((option) => (
            <Button
              key={option.value || 'all'}
              variant={filters.status === option.value ? 'primary' : 'secondary'}
              aria-pressed={filters.status === option.value}
              onClick={() => set('status')(option.value)}
            >
              {option.label}
              {option.value && counts ? ` (${counts[option.value]})` : ''}
            </Button>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <SelectField label="Severity" value={filters.severity} onValueChange={set('severity')}>
          <option value="">Any</option>
          {(Object.keys(severityLabels) as IncidentSeverity[]).map((severity) => (
            <option key={severity} value={severity}>
              {severityLabels[severity]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Type" value={filters.type} onValueChange={set('type')}>
          <option value="">Any</option>
          {(Object.keys(typeLabels) as IncidentType[]).map((type) => (
            <option key={type} value={type}>
              {typeLabels[type]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Happened from"
          type="date"
          value={filters.from}
          onValueChange={set('from')}
        />
        <TextField label="Happened to" type="date" value={filters.to} onValueChange={set('to')} />
        <TextField
          label="Search"
          type="search"
          value={filters.search}
          onValueChange={set('search')}
          hint="Title, description, location or INC-…"
        />
      </div>
      {list.isError ? (
        <LoadErrorPanel
          title="We could not load the reports."
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : !list.data ? (
        <LoadingPanel label="Loading reports…" />
      ) : items.length === 0 ? (
        <EmptyState title="No reports match">
          Change the filters, or wait for the next report.
        </EmptyState>
      ) : (
        <>
          <IncidentTable caption="All reports" incidents={items} timeZone={timeZone} showReporter />
          {list.hasNextPage && (
            <Button
              variant="secondary"
              pending={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              Show more
            </Button>
          )}
        </>
      )}
    </section>
  );
}
