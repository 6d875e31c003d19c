import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { cx } from './class-names.ts';
import { controlClassName, useFieldIds } from './field-ids.ts';
import { FieldMessages } from './field-messages.tsx';

type TextareaFieldProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'aria-invalid' | 'aria-describedby' | 'value' | 'onChange'
> & {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
};

export function TextareaField({
  label,
  value,
  onValueChange,
  hint,
  error,
  className,
  rows = 3,
  ...textarea
}: TextareaFieldProps) {
  const ids = useFieldIds(hint !== undefined, error);
  return (
    <div className={cx('space-y-1.5', className)}>
      <label htmlFor={ids.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={ids.id}
        value={value}
        rows={rows}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className={cx(controlClassName, 'resize-y')}
        {...textarea}
      />
      <FieldMessages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}
