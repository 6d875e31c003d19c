import type { ReactNode } from 'react';
import { cx } from './class-names.ts';
import { useFieldIds } from './field-ids.ts';
import { FieldMessages } from './field-messages.tsx';

type CheckboxFieldProps = {
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
};

export const checkboxClassName =
  'size-4 shrink-0 rounded border-slate-300 accent-teal-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700';

/** One checkbox with its label beside it (a yes/no question). */
export function CheckboxField({
  label,
  checked,
  onCheckedChange,
  hint,
  error,
  className,
}: CheckboxFieldProps) {
  const ids = useFieldIds(hint !== undefined, error);
  return (
    <div className={cx('space-y-1.5', className)}>
      <div className="flex items-center gap-2.5">
        <input
          id={ids.id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onCheckedChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          className={checkboxClassName}
        />
        <label htmlFor={ids.id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
      </div>
      <FieldMessages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}
