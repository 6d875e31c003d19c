import type { ReactNode, SelectHTMLAttributes } from 'react';
import { cx } from './class-names.ts';
import { FieldFrame, type FieldProps } from './field-frame.tsx';
import { controlClassName } from './field-ids.ts';

export function SelectField({
  label,
  value,
  onValueChange,
  hint,
  error,
  className,
  children,
  ...select
}: FieldProps<SelectHTMLAttributes<HTMLSelectElement>> & { children: ReactNode }) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(wiring) => (
        <select
          {...wiring}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          className={cx(controlClassName, 'pr-8')}
          {...select}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
