import type { InputHTMLAttributes, ReactNode } from 'react';
import { cx } from './class-names.ts';
import { controlClassName, useFieldIds } from './field-ids.ts';
import { FieldMessages } from './field-messages.tsx';

type TextFieldProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'aria-invalid' | 'aria-describedby' | 'value' | 'onChange'
> & {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
};

export function TextField({
  label,
  value,
  onValueChange,
  hint,
  error,
  className,
  ...input
}: TextFieldProps) {
  const ids = useFieldIds(hint !== undefined, error);
  return (
    <div className={cx('space-y-1.5', className)}>
      <label htmlFor={ids.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={ids.id}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className={controlClassName}
        {...input}
      />
      <FieldMessages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}
