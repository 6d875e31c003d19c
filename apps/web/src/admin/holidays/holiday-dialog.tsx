import { type FormEvent, useRef, useState } from 'react';
import { toFormErrors } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import { CheckboxField } from '../../ui/checkbox-field.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { FormAlert } from '../../ui/form-alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFocusFirstError } from '../../ui/use-focus-first-error.ts';
import { useRefreshAdminData } from '../use-refresh-admin-data.ts';
import {
  emptyHolidayValues,
  type Holiday,
  type HolidayErrors,
  type HolidayFormValues,
  hasErrors,
  holidayFields,
  holidayFormValues,
  toCreateHolidayInput,
  toUpdateHolidayInput,
  validateHoliday,
} from './holiday-values.ts';

type HolidayDialogProps = {
  open: boolean;
  /** Absent: a new holiday. */
  holiday?: Holiday | undefined;
  onClose: () => void;
  onSaved: (holiday: Holiday) => void;
};

export function HolidayDialog({ open, holiday, onClose, onSaved }: HolidayDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={holiday ? `Edit ${holiday.name}` : 'Add a holiday'}
      description="Nobody is expected to check in on a company holiday."
    >
      <HolidayForm holiday={holiday} onClose={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function HolidayForm({ holiday, onClose, onSaved }: Omit<HolidayDialogProps, 'open'>) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<HolidayFormValues>(() =>
    holiday ? holidayFormValues(holiday) : emptyHolidayValues,
  );
  const [errors, setErrors] = useState<HolidayErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const refresh = useRefreshAdminData();
  const handlers = {
    onSuccess: async (saved: Holiday) => {
      await refresh();
      onSaved(saved);
    },
    onError: (error: unknown) => {
      const server = toFormErrors(error, holidayFields);
      setErrors(server.fields);
      setFormError(server.form);
      setAttempt((count) => count + 1);
    },
  };
  const create = trpc.holidays.create.useMutation(handlers);
  const update = trpc.holidays.update.useMutation(handlers);
  const pending = create.isPending || update.isPending;

  const change =
    <F extends keyof HolidayFormValues>(field: F) =>
    (value: HolidayFormValues[F]) => {
      setValues((current) => ({ ...current, [field]: value }));
      setErrors((current) => ({ ...current, [field]: undefined }));
    };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const found = validateHoliday(values);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) {
      setAttempt((count) => count + 1);
      return;
    }
    if (holiday) update.mutate(toUpdateHolidayInput(holiday.id, values));
    else create.mutate(toCreateHolidayInput(values));
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-5">
      <FormAlert message={formError} />
      <TextField
        label="Date"
        type="date"
        required
        value={values.date}
        onValueChange={change('date')}
        error={errors.date}
      />
      <TextField
        label="Name"
        required
        maxLength={100}
        autoComplete="off"
        value={values.name}
        onValueChange={change('name')}
        error={errors.name}
      />
      <CheckboxField
        label="Every year on this day"
        checked={values.recurring}
        onCheckedChange={change('recurring')}
        error={errors.recurring}
      />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          {holiday ? 'Save changes' : 'Add holiday'}
        </Button>
      </div>
    </form>
  );
}
