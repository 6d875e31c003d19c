import { useState } from 'react';
import { Link } from '../router/link.tsx';
import { paths } from '../router/paths.ts';
import { useSignedInUser } from '../session/session-store.ts';
import { trpc } from '../trpc/trpc.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { CheckInForm } from './check-in-form.tsx';
import { newCheckInValues, valuesFromCheckIn } from './check-in-form-values.ts';
import { CheckInResult } from './check-in-result.tsx';
import type { CheckInStatus } from './check-in-types.ts';
import { formatLocalDate } from './format.ts';
import { LoadErrorPanel, LoadingPanel } from './load-states.tsx';
import { describeToday } from './status-wording.ts';
import { TodayNotice } from './today-notice.tsx';
import type { CheckInOutcome } from './use-check-in-form.ts';

/** Today's check-in: the form, the result with the way to amend it, or why there is none. */
export function CheckInPage() {
  const status = trpc.checkIn.status.useQuery();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <PageHeading title="Check-in">Daily check-in</PageHeading>
        {status.data && (
          <p className="text-sm text-slate-600">{formatLocalDate(status.data.localDate)}</p>
        )}
      </div>
      {status.isPending && <LoadingPanel label="Loading today’s check-in…" />}
      {status.isError && (
        <LoadErrorPanel
          title="We could not load today’s check-in."
          error={status.error}
          onRetry={() => void status.refetch()}
          retrying={status.isFetching}
        />
      )}
      {status.data && <TodayCheckIn status={status.data} />}
    </div>
  );
}

function TodayCheckIn({ status }: { status: CheckInStatus }) {
  const { role } = useSignedInUser();
  const [amending, setAmending] = useState(false);
  const [outcome, setOutcome] = useState<CheckInOutcome | null>(null);
  const { checkIn } = status;
  const done = (next: CheckInOutcome) => {
    setAmending(false);
    setOutcome(next);
  };

  if (checkIn && amending) {
    return (
      <div className="space-y-4">
        <p className="max-w-2xl text-slate-600">
          Change any answer and save: your score is worked out again, and the answers you gave first
          stay visible in your history.
        </p>
        <CheckInForm
          key={`amend-${checkIn.id}`}
          mode="amend"
          initialValues={valuesFromCheckIn(checkIn.inputs)}
          onDone={done}
          onCancel={() => setAmending(false)}
        />
      </div>
    );
  }
  if (checkIn) {
    return (
      <CheckInResult
        checkIn={checkIn}
        timeZone={status.timeZone}
        outcome={outcome}
        onAmend={() => {
          setOutcome(null);
          setAmending(true);
        }}
      />
    );
  }

  const summary = describeToday(status, role);
  if (role !== 'WORKER') return <TodayNotice summary={summary} />;
  if (!status.canCheckIn) {
    return (
      <TodayNotice summary={summary}>
        <Link
          to={paths.history}
          className="text-sm font-medium text-teal-700 underline-offset-2 hover:underline"
        >
          View your history
        </Link>
      </TodayNotice>
    );
  }
  return (
    <div className="space-y-4">
      <TodayNotice summary={summary} compact />
      <CheckInForm key="submit" mode="submit" initialValues={newCheckInValues} onDone={done} />
    </div>
  );
}
