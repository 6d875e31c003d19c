import { type FormEvent, useEffect, useRef, useState } from 'react';
import { toFormErrors } from '../trpc/errors.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { FormAlert } from '../ui/form-alert.tsx';
import { TextareaField } from '../ui/textarea-field.tsx';
import { useFocusFirstError } from '../ui/use-focus-first-error.ts';

const MAX_REASON_LENGTH = 500;

type ReasonDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  confirmLabel: string;
  /** The shortest reason the server takes. */
  minLength: number;
  pending: boolean;
  /** The failed mutation's error, shown beside the reason or above it. */
  error: unknown;
  onConfirm: (reason: string) => void;
  /** Under the field: where the reason shows up later. */
  hint?: string;
  /** Danger for what is hard to take back (a deactivation); primary otherwise. */
  confirmVariant?: 'primary' | 'danger';
};

/** Confirms an action that needs a reason kept on record: a deactivation, an excused miss. */
export function ReasonDialog(props: ReasonDialogProps) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title={props.title}
      description={props.description}
    >
      <ReasonForm {...props} />
    </Dialog>
  );
}

function ReasonForm({
  onClose,
  confirmLabel,
  minLength,
  pending,
  error,
  onConfirm,
  hint = 'Shown in the audit log and the history.',
  confirmVariant = 'danger',
}: ReasonDialogProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  useEffect(() => {
    if (error) setAttempt((count) => count + 1);
  }, [error]);

  const serverErrors = error ? toFormErrors(error, ['reason']) : null;
  const fieldError = localError ?? serverErrors?.fields.reason;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const trimmed = reason.trim();
    if (trimmed.length < minLength) {
      setLocalError(
        trimmed === ''
          ? 'Give a reason; it is kept with the record.'
          : `Use at least ${minLength} characters.`,
      );
      setAttempt((count) => count + 1);
      return;
    }
    setLocalError(null);
    onConfirm(trimmed);
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-5">
      {localError === null && <FormAlert message={serverErrors?.form ?? null} />}
      <TextareaField
        label="Reason"
        required
        maxLength={MAX_REASON_LENGTH}
        value={reason}
        onValueChange={(value) => {
          setReason(value);
          setLocalError(null);
        }}
        hint={hint}
        error={fieldError}
      />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant={confirmVariant} pending={pending}>
          {confirmLabel}
        </Button>
      </div>
    </form>
  );
}
