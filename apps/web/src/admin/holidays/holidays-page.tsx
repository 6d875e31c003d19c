import { useState } from 'react';
import { LoadErrorPanel, LoadingPanel } from '../../check-in/load-states.tsx';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import { CheckboxField } from '../../ui/checkbox-field.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { SuccessNotice } from '../../ui/success-notice.tsx';
import { usePageNotice } from '../use-page-notice.ts';
import { DeactivateHolidayDialog } from './deactivate-holiday-dialog.tsx';
import { HolidayDialog } from './holiday-dialog.tsx';
import { type Holiday, holidayWhen } from './holiday-values.ts';
import { HolidaysTable } from './holidays-table.tsx';

type Editing = { kind: 'new' } | { kind: 'edit'; holiday: Holiday } | null;

export function HolidaysPage() {
  const notice = usePageNotice();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [deactivating, setDeactivating] = useState<Holiday | undefined>();
  const holidays = trpc.holidays.list.useQuery({ includeInactive });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <PageHeading title="Holidays">Holidays</PageHeading>
          <p className="max-w-2xl text-slate-600">
            Company holidays: nobody is expected to check in, and no check-in is missed.
          </p>
        </div>
        <Button onClick={() => setEditing({ kind: 'new' })}>Add holiday</Button>
      </div>
      <SuccessNotice message={notice.message} onDismiss={notice.dismiss} />
      <CheckboxField
        label="Show deactivated holidays"
        checked={includeInactive}
        onCheckedChange={setIncludeInactive}
      />
      {holidays.data ? (
        holidays.data.items.length === 0 ? (
          <EmptyState title="No holidays yet">
            Add the days your company does not work, such as public holidays.
          </EmptyState>
        ) : (
          <HolidaysTable
            holidays={holidays.data.items}
            showStatus={includeInactive}
            onEdit={(holiday) => setEditing({ kind: 'edit', holiday })}
            onDeactivate={setDeactivating}
          />
        )
      ) : holidays.isError ? (
        <LoadErrorPanel
          title="We could not load the holidays."
          error={holidays.error}
          onRetry={() => void holidays.refetch()}
          retrying={holidays.isFetching}
        />
      ) : (
        <LoadingPanel label="Loading holidays…" />
      )}
      <HolidayDialog
        key={editing?.kind === 'edit' ? editing.holiday.id : 'new'}
        open={editing !== null}
        holiday={editing?.kind === 'edit' ? editing.holiday : undefined}
        onClose={() => setEditing(null)}
        onSaved={(holiday) => {
          setEditing(null);
          notice.announce(
            `${holiday.name} (${holidayWhen(holiday)}) is ${editing?.kind === 'edit' ? 'saved' : 'added'}.`,
          );
        }}
      />
      <DeactivateHolidayDialog
        holiday={deactivating}
        onClose={() => setDeactivating(undefined)}
        onDone={(holiday) => {
          setDeactivating(undefined);
          notice.announce(`${holiday.name} is deactivated.`);
        }}
      />
    </div>
  );
}
