import { errorMessage } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import type { Leave } from './attendance-types.ts';
import { leaveTypeLabels } from './leave-types.ts';
import { formatLeaveRange } from './leave-wording.ts';
import { useRefreshAttendance } from './use-refresh-attendance.ts';

type CancelLeaveDialogProps = {
  leave: Leave | null;
  onClose: () => void;
  onCancelled: (leave: Leave) => void;
};

/** Confirms cancelling a leave: its days become ordinary work days again. */
export function CancelLeaveDialog({ leave, onClose, onCancelled }: CancelLeaveDialogProps) {
  const refresh = useRefreshAttendance();
  const cancel = trpc.leave.cancel.useMutation({
    onSuccess: async (cancelled) => {
      await refresh();
      onCancelled(cancelled);
    },
  });
  const close = () => {
    cancel.reset();
    onClose();
  };
  return (
    <Dialog
      open={leave !== null}
      onClose={close}
      title={leave ? `Cancel ${leave.personName}’s leave?` : 'Cancel this leave?'}
      description={
        leave &&
        `${leaveTypeLabels[leave.type]}, ${formatLeaveRange(leave.startDate, leave.endDate)}. They are expected to check in on those days again; the leave stays on record as cancelled.`
      }
    >
      <div className="space-y-5">
        {cancel.isError && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(cancel.error)}
          </p>
        )}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" data-autofocus="" onClick={close}>
            Keep the leave
          </Button>
          <Button
            variant="danger"
            pending={cancel.isPending}
            onClick={() => leave && cancel.mutate({ leaveId: leave.id })}
          >
            Cancel leave
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
