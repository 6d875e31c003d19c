import { type FormEvent, useRef, useState } from 'react';
import { toFormErrors } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { FormAlert } from '../ui/form-alert.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';
import { TextareaField } from '../ui/textarea-field.tsx';
import { useFocusFirstError } from '../ui/use-focus-first-error.ts';
import type { Leave } from './attendance-types.ts';
import {
  emptyLeaveValues,
  hasErrors,
  type LeaveErrors,
  type LeaveFormValues,
  leaveFields,
  MAX_NOTE_LENGTH,
  toRecordLeaveInput,
  validateLeave,
} from './leave-form-values.ts';
import { isLeaveType, LEAVE_TYPES, leaveTypeLabels } from './leave-types.ts';
import { useRefreshAttendance } from './use-refresh-attendance.ts';

type RecordLeaveDialogProps = {
  open: boolean;
  personId: string;
  personName: string;
  /** The company's local date: where the date fields start. */
  today: string;
  onClose: () => void;
  onRecorded: (leave: Leave) => void;
};

export function RecordLeaveDialog({ open, personName, onClose, ...form }: RecordLeaveDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Record leave for ${personName}`}
      description="On leave days they are not expected to check in: no miss is recorded, and rosters show them as on leave."
    >
      <RecordLeaveForm onClose={onClose} {...form} />
    </Dialog>
  );
}

function RecordLeaveForm({
  personId,
  today,
  onClose,
  onRecorded,
}: Omit<RecordLeaveDialogProps, 'open' | 'personName'>) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<LeaveFormValues>(() => emptyLeaveValues(today));
  const [errors, setErrors] = useState<LeaveErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const refresh = useRefreshAttendance();
  const record = trpc.leave.record.useMutation({
    onSuccess: async (leave) => {
      await refresh();
      onRecorded(leave);
    },
    onError: (error) => {
      const server = toFormErrors(error, leaveFields);
      setErrors(server.fields);
      setFormError(server.form);
      setAttempt((count) => count + 1);
    },
  });

  const change =
    <F extends keyof LeaveFormValues>(field: F) =>
    (value: LeaveFormValues[F]) => {
      setValues((current) => ({ ...current, [field]: value }));
      setErrors((current) => ({ ...current, [field]: undefined }));
    };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const found = validateLeave(values);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) {
      setAttempt((count) => count + 1);
      return;
    }
    record.mutate(toRecordLeaveInput(personId, values));
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-5">
      <FormAlert message={formError} />
      <SelectField
        label="Type"
        required
        value={values.type}
        onValueChange={(value) => {
          if (isLeaveType(value)) change('type')(value);
        }}
        error={errors.type}
      >
        {LEAVE_TYPES.map((type) => (
          <option key={type} value={type}>
            {leaveTypeLabels[type]}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="First day"
          type="date"
          required
          value={values.startDate}
          onValueChange={change('startDate')}
          error={errors.startDate}
        />
        <TextField
          label="Last day"
          type="date"
          required
          min={values.startDate === '' ? undefined : values.startDate}
          value={values.endDate}
          onValueChange={change('endDate')}
          hint="Both days included."
          error={errors.endDate}
        />
      </div>
      <TextareaField
        label="Note (optional)"
        maxLength={MAX_NOTE_LENGTH}
        value={values.note}
        onValueChange={change('note')}
        hint="Seen by the team lead, supervisors and admins."
        error={errors.note}
      />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={record.isPending}>
          Record leave
        </Button>
      </div>
    </form>
  );
}
