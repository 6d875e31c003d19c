import { toLocalTime } from '@aegira/domain';
import { useId, useState } from 'react';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { useSignedInUser } from '../session/session-store.ts';
import { trpc } from '../trpc/trpc.ts';
import { Button } from '../ui/button.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import type { Leave } from './attendance-types.ts';
import { CancelLeaveDialog } from './cancel-leave-dialog.tsx';
import { LeaveTable } from './leave-table.tsx';
import { leaveTypeLabels } from './leave-types.ts';
import { formatLeaveRange } from './leave-wording.ts';
import { RecordLeaveDialog } from './record-leave-dialog.tsx';
import { SectionHeading } from './section-heading.tsx';

type LeaveSectionProps = {
  personId: string;
  personName: string;
  /** Their team's lead or an admin may record and cancel; the server checks again. */
  canManage: boolean;
};

/** One worker's leave, cancelled ones included, and for a lead or admin the means to change it. */
export function LeaveSection({ personId, personName, canManage }: LeaveSectionProps) {
  const headingId = useId();
  const timeZone = useSignedInUser().company.timezone;
  // Read once per visit: which leave is current does not change under the viewer's eyes.
  const [today] = useState(() => toLocalTime(new Date(), timeZone).date);
  const [recording, setRecording] = useState(false);
  const [cancelling, setCancelling] = useState<Leave | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const leave = trpc.leave.list.useQuery({ personId, includeCancelled: true });
  const items = [...(leave.data?.items ?? [])].sort((a, b) =>
    b.startDate.localeCompare(a.startDate),
  );

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SectionHeading id={headingId} level={2}>
          Leave
        </SectionHeading>
        {canManage && (
          <Button
            aria-haspopup="dialog"
            onClick={() => {
              setNotice(null);
              setRecording(true);
            }}
          >
            Record leave
          </Button>
        )}
      </div>
      <SuccessNotice message={notice} onDismiss={() => setNotice(null)} />
      {leave.data ? (
        items.length === 0 ? (
          <EmptyState title="No leave recorded">
            {canManage
              ? `Record leave for ${personName} so nobody expects a check-in on those days.`
              : 'Their team lead records leave here.'}
          </EmptyState>
        ) : (
          <LeaveTable
            leaves={items}
            today={today}
            timeZone={timeZone}
            canManage={canManage}
            onCancel={(chosen) => {
              setNotice(null);
              setCancelling(chosen);
            }}
          />
        )
      ) : leave.isError ? (
        <LoadErrorPanel
          title="We could not load the leave."
          error={leave.error}
          onRetry={() => void leave.refetch()}
          retrying={leave.isFetching}
        />
      ) : (
        <LoadingPanel label="Loading leave…" />
      )}
      {canManage && (
        <>
          <RecordLeaveDialog
            open={recording}
            personId={personId}
            personName={personName}
            today={today}
            onClose={() => setRecording(false)}
            onRecorded={(recorded) => {
              setRecording(false);
              setNotice(
                `${leaveTypeLabels[recorded.type]} for ${recorded.personName} is recorded: ${formatLeaveRange(recorded.startDate, recorded.endDate)}.`,
              );
            }}
          />
          <CancelLeaveDialog
            leave={cancelling}
            onClose={() => setCancelling(null)}
            onCancelled={(cancelled) => {
              setCancelling(null);
              setNotice(
                `The leave of ${cancelled.personName}, ${formatLeaveRange(cancelled.startDate, cancelled.endDate)}, is cancelled.`,
              );
            }}
          />
        </>
      )}
    </section>
  );
}
