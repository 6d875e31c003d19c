import { useState } from 'react';
import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { useSignedInUser } from '../../session/session-store.ts';
import { errorMessage } from '../../trpc/errors.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { secondaryLinkClassName } from '../../ui/link-styles.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { Spinner } from '../../ui/spinner.tsx';
import { useKnownNames } from '../timeline/use-known-names.ts';
import { AuditEntries } from './audit-entries.tsx';
import { AuditFilterBar } from './audit-filter-bar.tsx';
import {
  type AuditFilters,
  auditCsvUrl,
  auditFilterError,
  auditListInput,
  hasAuditFilters,
  noAuditFilters,
} from './audit-filters.ts';
import { EntityHistoryDialog, type EntityRef } from './entity-history-dialog.tsx';
import { useAuditPages } from './use-audit-pages.ts';

export function AuditLogPage() {
  const timeZone = useSignedInUser().company.timezone;
  const [filters, setFilters] = useState<AuditFilters>(noAuditFilters);
  const [entity, setEntity] = useState<EntityRef | null>(null);
  const dateError = auditFilterError(filters);
  const audit = useAuditPages(auditListInput(filters, timeZone), dateError === null);
  const names = useKnownNames();
  const filtered = hasAuditFilters(filters);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading title="Audit log">Audit log</PageHeading>
        <p className="max-w-2xl text-slate-600">
          Every administrative change: who did what, when, and why. Select an entity to see its
          whole history. Times are in {timeZone}.
        </p>
      </div>
      <AuditFilterBar filters={filters} onChange={setFilters} dateError={dateError} />
      {dateError === null && (
        <a href={auditCsvUrl(filters, timeZone)} download className={secondaryLinkClassName}>
          Export CSV<span className="sr-only"> of the entries these filters show</span>
        </a>
      )}
      {!audit.data ? (
        audit.isError ? (
          <LoadErrorPanel
            title="We could not load the audit log."
            error={audit.error}
            onRetry={() => void audit.refetch()}
            retrying={audit.isFetching}
          />
        ) : dateError === null ? (
          <LoadingPanel label="Loading the audit log…" />
        ) : null
      ) : (
        <section
          aria-label="Results"
          aria-busy={(audit.isPlaceholderData && audit.isFetching) || undefined}
          className="space-y-3"
        >
          {audit.isPlaceholderData && audit.isFetching && (
            <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
              <Spinner className="size-4 text-teal-700" />
              Updating…
            </p>
          )}
          <AuditResults audit={audit} filtered={filtered} names={names} onOpenEntity={setEntity} />
        </section>
      )}
      <EntityHistoryDialog entity={entity} onClose={() => setEntity(null)} />
    </div>
  );
}

function AuditResults({
  audit,
  filtered,
  names,
  onOpenEntity,
}: {
  audit: ReturnType<typeof useAuditPages>;
  filtered: boolean;
  names: ReadonlyMap<string, string>;
  onOpenEntity: (entity: EntityRef) => void;
}) {
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  if (entries.length === 0) {
    return (
      <EmptyState title={filtered ? 'Nothing matches these filters' : 'Nothing recorded yet'}>
        {filtered ? 'Try another action, entity or date range.' : null}
      </EmptyState>
    );
  }
  return (
    <>
      <AuditEntries entries={entries} names={names} onOpenEntity={onOpenEntity} />
      {audit.isFetchNextPageError && (
        <p role="alert" className="text-sm text-red-700">
          Could not load more. {errorMessage(audit.error)}
        </p>
      )}
      {audit.hasNextPage && (
        <Button
          variant="secondary"
          pending={audit.isFetchingNextPage}
          onClick={() => void audit.fetchNextPage()}
        >
          Load more
        </Button>
      )}
    </>
  );
}
