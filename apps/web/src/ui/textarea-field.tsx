import type { TextareaHTMLAttributes } from 'react';
import { cx } from './class-names.ts';
import { FieldFrame, type FieldProps } from './field-frame.tsx';
import { controlClassName } from './field-ids.ts';

export function TextareaField({
  label,
  value,
  onValueChange,
  hint,
  error,
  className,
  rows = 3,
  ...textarea
}: FieldProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className}>
      {(wiring) => (
        <textarea
          {...wiring}
          value={value}
          rows={rows}
          onChange={(event) => onValueChange(event.target.value)}
          className={cx(controlClassName, 'resize-y')}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}
