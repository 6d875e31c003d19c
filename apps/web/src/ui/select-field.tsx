import type { ReactNode, SelectHTMLAttributes } from 'react';
import { cx } from './class-names.ts';
import { controlClassName, useFieldIds } from './field-ids.ts';
import { FieldMessages } from './field-messages.tsx';

type SelectFieldProps = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'aria-invalid' | 'aria-describedby' | 'value' | 'onChange'
> & {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
};

export function SelectField({
  label,
  value,
  onValueChange,
  hint,
  error,
  className,
  children,
  ...select
}: SelectFieldProps) {
  const ids = useFieldIds(hint !== undefined, error);
  return (
    <div className={cx('space-y-1.5', className)}>
      <label htmlFor={ids.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={ids.id}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className={cx(controlClassName, 'pr-8')}
        {...select}
      >
        {children}
      </select>
      <FieldMessages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}
