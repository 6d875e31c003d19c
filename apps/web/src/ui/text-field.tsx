import type { InputHTMLAttributes } from 'react';
import { FieldFrame, type FieldProps } from './field-frame.tsx';
import { controlClassName } from './field-ids.ts';

export function TextField({
  label,
  value,
  onValueChange,
  hint,
  error,
  className,
  ...input
}: FieldProps<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(wiring) => (
        <input
          {...wiring}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          className={controlClassName}
          {...input}
        />
      )}
    </FieldFrame>
  );
}
