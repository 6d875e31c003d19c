import { useId, useState } from 'react';
import { formatLocalDate } from '../check-in/format.ts';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { errorMessage } from '../trpc/errors.ts';
import { Button } from '../ui/button.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Miss, MissScope, MissState } from './attendance-types.ts';
import { ExcuseMissDialog } from './excuse-miss-dialog.tsx';
import { isMissState, MISS_STATES, missStateLabels } from './miss-wording.ts';
import { MissesTable } from './misses-table.tsx';
import { SectionHeading } from './section-heading.tsx';
import { useMissPages } from './use-miss-pages.ts';

export const MISSES_PAGE_SIZE = 25;

type MissesSectionProps = {
  scope: MissScope;
  headingLevel?: 2 | 3;
  /** The team's lead or an admin; the server checks again. */
  canExcuse: boolean;
  /** The worker's page, for a team's list; absent on the worker's own page. */
  workerPath?: ((personId: string) => string) | undefined;
  /** Names of people who may have excused a miss (the team's lead), beyond the viewer. */
  names?: ReadonlyMap<string, string> | undefined;
};

/** A team's or a worker's missed check-ins (open, resolved late, excused), newest day first. */
export function MissesSection({
  scope,
  headingLevel = 2,
  canExcuse,
  workerPath,
  names,
}: MissesSectionProps) {
  const headingId = useId();
  const [state, setState] = useState<MissState | ''>('');
  const [excusing, setExcusing] = useState<Miss | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const misses = useMissPages({
    ...scope,
    limit: MISSES_PAGE_SIZE,
    ...(state === '' ? {} : { state }),
  });
  const forTeam = 'teamId' in scope;
  const updating = misses.isPlaceholderData && misses.isFetching;

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <SectionHeading id={headingId} level={headingLevel}>
            Misses
          </SectionHeading>
          <p className="max-w-2xl text-sm text-slate-600">
            Work days {forTeam ? 'a worker' : 'they'} did not check in by the end of the window,
            with what was true then.
          </p>
        </div>
        <SelectField
          label="Show"
          className="w-48"
          value={state}
          onValueChange={(value) => setState(isMissState(value) ? value : '')}
        >
          <option value="">All misses</option>
          {MISS_STATES.map((option) => (
            <option key={option} value={option}>
              {missStateLabels[option]}
            </option>
          ))}
        </SelectField>
      </div>
      <SuccessNotice message={notice} onDismiss={() => setNotice(null)} />
      {!misses.data ? (
        misses.isError ? (
          <LoadErrorPanel
            title="We could not load the misses."
            error={misses.error}
            onRetry={() => void misses.refetch()}
            retrying={misses.isFetching}
          />
        ) : (
          <LoadingPanel label="Loading misses…" />
        )
      ) : (
        <div aria-busy={updating || undefined} className="space-y-3">
          {updating && (
            <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
              <Spinner className="size-4 text-teal-700" />
              Updating…
            </p>
          )}
          <MissesResults
            misses={misses}
            state={state}
            forTeam={forTeam}
            canExcuse={canExcuse}
            workerPath={workerPath}
            names={names}
            onExcuse={(miss) => {
              setNotice(null);
              setExcusing(miss);
            }}
          />
        </div>
      )}
      <ExcuseMissDialog
        miss={excusing}
        onClose={() => setExcusing(null)}
        onExcused={(miss) => {
          setExcusing(null);
          setNotice(
            `The miss of ${miss.personName} on ${formatLocalDate(miss.localDate, 'long')} is excused.`,
          );
        }}
      />
    </section>
  );
}

function MissesResults({
  misses,
  state,
  forTeam,
  canExcuse,
  workerPath,
  names,
  onExcuse,
}: {
  misses: ReturnType<typeof useMissPages>;
  state: MissState | '';
  forTeam: boolean;
  canExcuse: boolean;
  workerPath: ((personId: string) => string) | undefined;
  names: ReadonlyMap<string, string> | undefined;
  onExcuse: (miss: Miss) => void;
}) {
  const user = useSignedInUser();
  const items = misses.data?.pages.flatMap((page) => page.items) ?? [];
  if (items.length === 0) {
    return state === '' ? (
      <EmptyState title="No missed check-ins">
        {forTeam ? 'Nobody in this team has' : 'They have not'} missed a check-in. A miss shows here
        once a window closes without one.
      </EmptyState>
    ) : (
      <EmptyState title={`No ${missStateLabels[state].toLowerCase()} misses`}>
        Choose “All misses” to see the others.
      </EmptyState>
    );
  }
  return (
    <>
      <MissesTable
        misses={items}
        timeZone={user.company.timezone}
        showWorker={forTeam}
        canExcuse={canExcuse}
        workerPath={workerPath}
        nameOf={(personId) => (personId === user.id ? 'you' : (names?.get(personId) ?? null))}
        onExcuse={onExcuse}
      />
      {misses.isFetchNextPageError && (
        <p role="alert" className="text-sm text-red-700">
          Could not load more. {errorMessage(misses.error)}
        </p>
      )}
      {misses.hasNextPage && (
        <Button
          variant="secondary"
          pending={misses.isFetchingNextPage}
          onClick={() => void misses.fetchNextPage()}
        >
          Load more misses
        </Button>
      )}
    </>
  );
}
