import { NOTES_MAX_LENGTH } from '@aegira/domain';
import { controlClassName, useFieldIds } from '../ui/field-ids.ts';
import { FieldMessages } from '../ui/field-messages.tsx';

/** Screen readers hear the count only near the limit, not on every keystroke. */
const ANNOUNCE_WHEN_LEFT = 50;

type NotesFieldProps = {
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
};

export function NotesField({ value, onValueChange, error }: NotesFieldProps) {
  const ids = useFieldIds(true, error);
  const countId = `${ids.id}-count`;
  const left = NOTES_MAX_LENGTH - value.length;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-4">
        <label htmlFor={ids.id} className="block text-sm font-medium text-slate-800">
          Notes <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <span id={countId} className="text-xs text-slate-500 tabular-nums">
          {value.length} / {NOTES_MAX_LENGTH}
          <span className="sr-only"> characters</span>
        </span>
      </div>
      <textarea
        id={ids.id}
        rows={3}
        maxLength={NOTES_MAX_LENGTH}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[ids.describedBy, countId].filter(Boolean).join(' ')}
        className={controlClassName}
      />
      <p aria-live="polite" className="sr-only">
        {left <= ANNOUNCE_WHEN_LEFT ? `${left} characters left` : ''}
      </p>
      <FieldMessages
        hint="Anything your team lead should know today."
        hintId={ids.hintId}
        error={error}
        errorId={ids.errorId}
      />
    </div>
  );
}
