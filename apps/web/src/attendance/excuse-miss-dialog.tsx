import { ReasonDialog } from '../admin/reason-dialog.tsx';
import { formatLocalDate } from '../check-in/format.ts';
import { trpc } from '../trpc/trpc.ts';
import type { Miss } from './attendance-types.ts';
import { useRefreshAttendance } from './use-refresh-attendance.ts';

type ExcuseMissDialogProps = {
  /** The open miss to excuse; null: closed. */
  miss: Miss | null;
  onClose: () => void;
  onExcused: (miss: Miss) => void;
};

/** Excuses an open miss with a reason; the miss stays in the history, marked excused. */
export function ExcuseMissDialog({ miss, onClose, onExcused }: ExcuseMissDialogProps) {
  const refresh = useRefreshAttendance();
  const excuse = trpc.missedCheckIns.excuse.useMutation({
    onSuccess: async (excused) => {
      await refresh();
      onExcused(excused);
    },
  });
  const close = () => {
    excuse.reset();
    onClose();
  };
  return (
    <ReasonDialog
      open={miss !== null}
      onClose={close}
      title={miss ? `Excuse ${miss.personName}’s missed check-in?` : 'Excuse a missed check-in?'}
      description={
        miss
          ? `${formatLocalDate(miss.localDate, 'long')}. The miss stays in the history, marked excused with your reason.`
          : ''
      }
      confirmLabel="Excuse miss"
      confirmVariant="primary"
      minLength={1}
      hint="Kept with the miss, and in the audit log."
      pending={excuse.isPending}
      error={excuse.error}
      onConfirm={(reason) => miss && excuse.mutate({ missId: miss.id, reason })}
    />
  );
}
