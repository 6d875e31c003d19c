import type { ReactNode } from 'react';
import { checkboxClassName } from '../ui/checkbox-field.tsx';
import { useFieldIds } from '../ui/field-ids.ts';
import { FieldMessages } from '../ui/field-messages.tsx';
import { toggleDay, WEEKDAYS } from './schedule-format.ts';

type WorkDaysFieldProps = {
  legend: string;
  value: readonly number[];
  onValueChange: (days: number[]) => void;
  hint?: ReactNode;
  error?: string | undefined;
};

/**
 * Monday to Sunday as checkboxes in a fieldset. An error marks every box invalid, so a
 * failed submit moves focus to Monday with the message read out from the group.
 */
export function WorkDaysField({ legend, value, onValueChange, hint, error }: WorkDaysFieldProps) {
  const ids = useFieldIds(hint !== undefined, error);
  return (
    <fieldset aria-describedby={ids.describedBy} className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {WEEKDAYS.map((weekday) => {
          const checked = value.includes(weekday.day);
          return (
            <label
              key={weekday.day}
              className="inline-flex cursor-pointer items-center gap-2 rounded-lg bg-white px-3 py-2 text-sm text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset has-checked:bg-teal-50 has-checked:ring-teal-600 has-focus-visible:outline-2 has-focus-visible:outline-teal-700"
            >
              <input
                type="checkbox"
                checked={checked}
                aria-invalid={error ? true : undefined}
                onChange={(event) =>
                  onValueChange(toggleDay(value, weekday.day, event.target.checked))
                }
                className={checkboxClassName}
              />
              <span aria-hidden="true">{weekday.short}</span>
              <span className="sr-only">{weekday.long}</span>
            </label>
          );
        })}
      </div>
      <FieldMessages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </fieldset>
  );
}
