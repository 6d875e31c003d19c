import type { ReactNode } from 'react';
import { errorMessage } from '../../trpc/errors.ts';
import { SelectField } from '../../ui/select-field.tsx';
import type { PersonOption } from './leader-options.ts';

type PersonPickerFieldProps = {
  label: string;
  value: string;
  onValueChange: (personId: string) => void;
  emptyLabel: string;
  options: readonly PersonOption[] | undefined;
  loading: boolean;
  loadError: unknown;
  /** Said when there is nobody to choose. */
  noneHint: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
};

/** A select of people (leads, supervisors, workers) that says why it may be empty. */
export function PersonPickerField({
  label,
  value,
  onValueChange,
  emptyLabel,
  options,
  loading,
  loadError,
  noneHint,
  hint,
  error,
  required,
}: PersonPickerFieldProps) {
  const problem = loadError ? `The list could not be loaded: ${errorMessage(loadError)}` : null;
  const none = options?.length === 0 ? noneHint : null;
  return (
    <SelectField
      label={label}
      value={value}
      onValueChange={onValueChange}
      hint={problem ?? none ?? hint}
      error={error}
      required={required}
      aria-busy={loading || undefined}
    >
      <option value="">{loading ? 'Loading…' : emptyLabel}</option>
      {options?.map((option) => (
        <option key={option.id} value={option.id} disabled={option.disabled}>
          {option.note ? `${option.name} — ${option.note}` : option.name}
        </option>
      ))}
    </SelectField>
  );
}
