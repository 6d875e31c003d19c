import { errorMessage } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { useRefreshAdminData } from '../use-refresh-admin-data.ts';
import { type Holiday, holidayWhen } from './holiday-values.ts';

type DeactivateHolidayDialogProps = {
  holiday: Holiday | undefined;
  onClose: () => void;
  onDone: (holiday: Holiday) => void;
};

/** Confirms that a holiday stops counting; it stays on record. */
export function DeactivateHolidayDialog({
  holiday,
  onClose,
  onDone,
}: DeactivateHolidayDialogProps) {
  const refresh = useRefreshAdminData();
  const deactivate = trpc.holidays.deactivate.useMutation({
    onSuccess: async (done) => {
      await refresh();
      onDone(done);
    },
  });
  return (
    <Dialog
      open={holiday !== undefined}
      onClose={() => {
        deactivate.reset();
        onClose();
      }}
      title={`Deactivate ${holiday?.name ?? 'this holiday'}?`}
      description={
        holiday &&
        `${holidayWhen(holiday)} becomes an ordinary day: workers scheduled then are expected to check in.`
      }
    >
      <div className="space-y-5">
        {deactivate.isError && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(deactivate.error)}
          </p>
        )}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button
            variant="secondary"
            data-autofocus=""
            onClick={() => {
              deactivate.reset();
              onClose();
            }}
          >
            Cancel
          </Button>
          <Button
            variant="danger"
            pending={deactivate.isPending}
            onClick={() => holiday && deactivate.mutate({ holidayId: holiday.id })}
          >
            Deactivate
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
