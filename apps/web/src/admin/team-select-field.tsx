import type { ReactNode } from 'react';
import { errorMessage } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { SelectField } from '../ui/select-field.tsx';

type TeamSelectFieldProps = {
  label: string;
  value: string;
  onValueChange: (teamId: string) => void;
  /** The first option, meaning "no team" or "any team". */
  emptyLabel: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
};

/** A select of the company's active teams, saying so while they load or when they cannot. */
export function TeamSelectField({
  label,
  value,
  onValueChange,
  emptyLabel,
  hint,
  error,
  required,
}: TeamSelectFieldProps) {
  const teams = trpc.teams.list.useQuery({ active: true });
  const loadProblem = teams.isError
    ? `Teams could not be loaded: ${errorMessage(teams.error)}`
    : null;
  const noTeams = teams.data?.items.length === 0 ? 'There is no active team yet.' : null;
  return (
    <SelectField
      label={label}
      value={value}
      onValueChange={onValueChange}
      hint={loadProblem ?? noTeams ?? hint}
      error={error}
      required={required}
      aria-busy={teams.isPending || undefined}
    >
      <option value="">{teams.isPending ? 'Loading teams…' : emptyLabel}</option>
      {teams.data?.items.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </SelectField>
  );
}
