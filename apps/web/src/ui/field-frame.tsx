import type { ReactNode } from 'react';
import { cx } from './class-names.ts';
import { useFieldIds } from './field-ids.ts';
import { FieldMessages } from './field-messages.tsx';

/** What every labelled field takes, whatever its control. */
export interface FieldBaseProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A control's own attributes, minus what the field wires itself. */
export type FieldProps<Attributes> = Omit<
  Attributes,
  'id' | 'aria-invalid' | 'aria-describedby' | 'value' | 'onChange'
> &
  FieldBaseProps;

export interface ControlWiring {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * Label above, hint and error below, and the ids that tie them to the control,
 * so screen readers read all three together. The control itself is the child.
 */
export function FieldFrame({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string | undefined;
  children: (wiring: ControlWiring) => ReactNode;
}) {
  const ids = useFieldIds(hint !== undefined, error);
  return (
    <div className={cx('space-y-1.5', className)}>
      <label htmlFor={ids.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({
        id: ids.id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': ids.describedBy,
      })}
      <FieldMessages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}
