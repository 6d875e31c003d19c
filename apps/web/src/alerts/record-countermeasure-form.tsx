import { type FormEvent, useState } from 'react';
import { toFormErrors } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { Button } from '../ui/button.tsx';
import { FormAlert } from '../ui/form-alert.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { TextareaField } from '../ui/textarea-field.tsx';
import type { Alert, CountermeasureType } from './alert-types.ts';
import {
  COUNTERMEASURE_TYPES,
  countermeasureLabels,
  isCountermeasureType,
} from './alert-wording.ts';

const FIELDS = ['type', 'note'] as const;
const NOTE_MAX = 500;

type RecordCountermeasureFormProps = {
  alert: Alert;
  onRecorded: (alert: Alert) => void;
  onCancel: () => void;
};

/** What was done about a RED check-in: a type and a note, checked again by the server. */
export function RecordCountermeasureForm({
  alert,
  onRecorded,
  onCancel,
}: RecordCountermeasureFormProps) {
  const utils = trpc.useUtils();
  const [type, setType] = useState<CountermeasureType | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Partial<Record<'type' | 'note', string>>>({});
  const record = trpc.alerts.recordCountermeasure.useMutation({
    onSuccess: async (recorded) => {
      await Promise.all([utils.alerts.invalidate(), utils.events.invalidate()]);
      onRecorded(recorded);
    },
  });
  const server = record.error ? toFormErrors(record.error, FIELDS) : null;
  const typeError = missing.type ?? server?.fields.type;
  const noteError = missing.note ?? server?.fields.note;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Partial<Record<'type' | 'note', string>> = {};
    if (type === '') problems.type = 'Choose what was done.';
    if (note.trim() === '') problems.note = 'Say what was done.';
    setMissing(problems);
    if (type === '' || problems.note) return;
    record.mutate({ alertId: alert.id, type, note: note.trim() });
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={`Record a countermeasure for ${alert.personName}`}
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <FormAlert message={server?.form ?? null} />
      <SelectField
        label="Countermeasure"
        value={type}
        error={typeError}
        onValueChange={(value) => setType(isCountermeasureType(value) ? value : '')}
      >
        <option value="">Choose…</option>
        {COUNTERMEASURE_TYPES.map((option) => (
          <option key={option} value={option}>
            {countermeasureLabels[option]}
          </option>
        ))}
      </SelectField>
      <TextareaField
        label="Note"
        value={note}
        error={noteError}
        maxLength={NOTE_MAX}
        hint={`What was done and why, up to ${NOTE_MAX} characters.`}
        onValueChange={setNote}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={record.isPending}>
          Save countermeasure
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
