import { useId, useState } from 'react';
import { SectionHeading } from '../attendance/section-heading.tsx';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { errorMessage } from '../trpc/errors.ts';
import { Button } from '../ui/button.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { AlertCard } from './alert-card.tsx';
import type { AlertScope, AlertState } from './alert-types.ts';
import {
  ALERT_STATES,
  alertStateLabels,
  countermeasureLabels,
  isAlertState,
} from './alert-wording.ts';
import { useAlertPages } from './use-alert-pages.ts';

const PAGE_SIZE = 10;

type AlertsSectionProps = {
  scope: AlertScope;
  headingLevel?: 2 | 3;
  /** The team's lead or supervisor, WHS or an admin; the server checks again. */
  canAct: boolean;
  workerPath?: ((personId: string) => string) | undefined;
};

/**
 * RED check-ins (or pain 7 or more) and what was done about them: open ones first to act on,
 * escalated after an hour without a countermeasure.
 */
export function AlertsSection({ scope, headingLevel = 2, canAct, workerPath }: AlertsSectionProps) {
  const headingId = useId();
  const user = useSignedInUser();
  const [state, setState] = useState<AlertState | ''>('');
  const [recordingId, setRecordingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const alerts = useAlertPages({ ...scope, limit: PAGE_SIZE, ...(state === '' ? {} : { state }) });
  const forTeam = 'teamId' in scope;
  const items = alerts.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <SectionHeading id={headingId} level={headingLevel}>
            Alerts
          </SectionHeading>
          <p className="max-w-2xl text-sm text-slate-600">
            Check-ins that came in RED or with pain 7 or more. Without a countermeasure within an
            hour they go to the supervisor (or WHS).
          </p>
        </div>
        <SelectField
          label="Show"
          className="w-48"
          value={state}
          onValueChange={(value) => setState(isAlertState(value) ? value : '')}
        >
          <option value="">All alerts</option>
          {ALERT_STATES.map((option) => (
            <option key={option} value={option}>
              {alertStateLabels[option]}
            </option>
          ))}
        </SelectField>
      </div>
      <SuccessNotice message={notice} onDismiss={() => setNotice(null)} />
      {!alerts.data ? (
        alerts.isError ? (
          <LoadErrorPanel
            title="We could not load the alerts."
            error={alerts.error}
            onRetry={() => void alerts.refetch()}
            retrying={alerts.isFetching}
          />
        ) : (
          <LoadingPanel label="Loading alerts…" />
        )
      ) : items.length === 0 ? (
        <EmptyState
          title={state === '' ? 'No alerts' : `No ${alertStateLabels[state].toLowerCase()} alerts`}
        >
          {forTeam ? 'A RED check-in in this team' : 'A RED check-in'} shows here as it comes in.
        </EmptyState>
      ) : (
        <div className="space-y-3">
          <ul className="space-y-3">
            {items.map((alert) => (
              <AlertCard
                key={alert.id}
                alert={alert}
                timeZone={user.company.timezone}
                showWorker={forTeam}
                workerPath={workerPath}
                canAct={canAct}
                recording={recordingId === alert.id}
                onRecord={() => {
                  setNotice(null);
                  setRecordingId(alert.id);
                }}
                onCancel={() => setRecordingId(null)}
                onRecorded={(recorded) => {
                  setRecordingId(null);
                  const last = recorded.countermeasures.at(-1);
                  setNotice(
                    `${last ? countermeasureLabels[last.type] : 'Countermeasure'} recorded for ${recorded.personName}.`,
                  );
                }}
              />
            ))}
          </ul>
          {alerts.isFetchNextPageError && (
            <p role="alert" className="text-sm text-red-700">
              Could not load more. {errorMessage(alerts.error)}
            </p>
          )}
          {alerts.hasNextPage && (
            <Button
              variant="secondary"
              pending={alerts.isFetchingNextPage}
              onClick={() => void alerts.fetchNextPage()}
            >
              Load more alerts
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
