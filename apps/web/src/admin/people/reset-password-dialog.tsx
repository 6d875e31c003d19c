import { errorMessage } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { useRefreshAdminData } from '../use-refresh-admin-data.ts';
import type { Person } from './people-types.ts';

type ResetPasswordDialogProps = {
  person: Person;
  open: boolean;
  onClose: () => void;
};

/**
 * Confirms, then shows the one-time password once: it is not stored in clear anywhere, so
 * closing the dialog loses it (another reset makes a new one).
 */
export function ResetPasswordDialog({ person, open, onClose }: ResetPasswordDialogProps) {
  const refresh = useRefreshAdminData();
  const reset = trpc.people.resetPassword.useMutation({ onSuccess: () => refresh() });
  const name = `${person.firstName} ${person.lastName}`;
  const close = () => {
    reset.reset();
    onClose();
  };
  const oneTimePassword = reset.data?.oneTimePassword ?? null;
  return (
    <Dialog
      open={open}
      onClose={close}
      title={oneTimePassword ? `One-time password for ${name}` : `Reset ${name}’s password?`}
      description={
        oneTimePassword
          ? 'Give it to them in person or by phone. It is shown only now; they must choose their own password when they sign in with it.'
          : 'They are signed out everywhere at once. You get a one-time password to hand over; they must change it at their next sign-in.'
      }
    >
      {oneTimePassword ? (
        <div className="space-y-4">
          <dl className="space-y-1">
            <dt className="text-sm font-medium text-slate-800">One-time password</dt>
            <dd
              data-testid="one-time-password"
              className="rounded-lg bg-slate-100 px-4 py-3 text-center font-mono text-lg tracking-wider text-slate-900 select-all"
            >
              {oneTimePassword}
            </dd>
          </dl>
          <div className="flex justify-end">
            <Button data-autofocus onClick={close}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <div className="space-y-4">
          {reset.isError && (
            <p role="alert" className="text-sm text-red-700">
              Could not reset the password. {errorMessage(reset.error)}
            </p>
          )}
          <div className="flex flex-wrap justify-end gap-3">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button
              variant="danger"
              pending={reset.isPending}
              onClick={() => reset.mutate({ personId: person.id })}
            >
              Reset password
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
