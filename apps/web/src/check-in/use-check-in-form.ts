import { type FormEvent, useRef, useState } from 'react';
import { errorCode, toFormErrors } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { useFocusFirstError } from '../ui/use-focus-first-error.ts';
import {
  type CheckInFieldErrors,
  type CheckInFormField,
  type CheckInFormValues,
  checkInFormFields,
  humanizeFieldErrors,
  toCheckInInput,
  validateCheckInValues,
} from './check-in-form-values.ts';
import { useRefreshCheckIns } from './use-refresh-check-ins.ts';

/** What happened, for the page to say so once the fresh status is shown. */
export type CheckInOutcome = 'submitted' | 'amended' | 'already-checked-in';

type UseCheckInFormOptions = {
  /** A new check-in, or an amendment of today's. */
  mode: 'submit' | 'amend';
  initialValues: CheckInFormValues;
  onDone: (outcome: CheckInOutcome) => void;
};

export function useCheckInForm({ mode, initialValues, onDone }: UseCheckInFormOptions) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<CheckInFormValues>(initialValues);
  const [fieldErrors, setFieldErrors] = useState<CheckInFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const refresh = useRefreshCheckIns();

  const handlers = {
    // Waiting for the refresh keeps the button busy until the page can show the result.
    onSuccess: async () => {
      await refresh();
      onDone(mode === 'submit' ? 'submitted' : 'amended');
    },
    onError: async (error: unknown) => {
      if (mode === 'submit' && errorCode(error) === 'CONFLICT') {
        // Checked in meanwhile (another tab or device): show that check-in instead.
        await refresh();
        onDone('already-checked-in');
        return;
      }
      const errors = toFormErrors(error, checkInFormFields);
      setFieldErrors(humanizeFieldErrors(errors.fields));
      setFormError(errors.form);
      setAttempt((count) => count + 1);
      // A window rule refused it (the day moved on, a holiday was added): the page
      // re-reads the status and explains, rather than offering the form again.
      if (errorCode(error) === 'UNPROCESSABLE_CONTENT') void refresh();
    },
  };
  const submitMutation = trpc.checkIn.submit.useMutation(handlers);
  const amendMutation = trpc.checkIn.amend.useMutation(handlers);
  const mutation = mode === 'submit' ? submitMutation : amendMutation;

  const change =
    <F extends CheckInFormField>(field: F) =>
    (value: CheckInFormValues[F]) => {
      setValues((current) => ({ ...current, [field]: value }));
      setFieldErrors((current) => ({ ...current, [field]: undefined }));
    };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const errors = validateCheckInValues(values);
    setFieldErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0) {
      setAttempt((count) => count + 1);
      return;
    }
    mutation.mutate(toCheckInInput(values));
  };

  return { formRef, values, fieldErrors, formError, change, submit, pending: mutation.isPending };
}
