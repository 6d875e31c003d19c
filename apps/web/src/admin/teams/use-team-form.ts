import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Team } from '../../team/team-types.ts';
import { isStaleVersion, STALE_VERSION_MESSAGE, toFormErrors } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { useFocusFirstError } from '../../ui/use-focus-first-error.ts';
import { useRefreshAdminData } from '../use-refresh-admin-data.ts';
import {
  hasErrors,
  newTeamValues,
  type TeamErrors,
  type TeamField,
  type TeamFormValues,
  teamFields,
  teamFormValues,
  toCreateTeamInput,
  toUpdateTeamInput,
  validateTeamForm,
} from './team-form-values.ts';

type UseTeamFormOptions = {
  /** Absent: a new team. */
  team?: Team;
  onSaved: (team: Team) => void;
};

export function useTeamForm({ team, onSaved }: UseTeamFormOptions) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<TeamFormValues>(() =>
    team ? teamFormValues(team) : newTeamValues,
  );
  const [fieldErrors, setFieldErrors] = useState<TeamErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const refresh = useRefreshAdminData();
  // After a stale-version refusal the form takes the reloaded team once it arrives.
  const [reloading, setReloading] = useState(false);
  useEffect(() => {
    if (!reloading || !team) return;
    setValues(teamFormValues(team));
    setReloading(false);
  }, [reloading, team]);

  const handlers = {
    onSuccess: async (saved: Team) => {
      await refresh();
      onSaved(saved);
    },
    onError: async (error: unknown) => {
      if (isStaleVersion(error)) {
        setFieldErrors({});
        setFormError(STALE_VERSION_MESSAGE);
        setAttempt((count) => count + 1);
        await refresh();
        setReloading(true);
        return;
      }
      const errors = toFormErrors(error, teamFields);
      setFieldErrors(errors.fields);
      setFormError(errors.form);
      setAttempt((count) => count + 1);
    },
  };
  const create = trpc.teams.create.useMutation(handlers);
  const update = trpc.teams.update.useMutation(handlers);
  const pending = create.isPending || update.isPending;

  const change =
    <F extends TeamField>(field: F) =>
    (value: TeamFormValues[F]) => {
      setValues((current) => ({ ...current, [field]: value }));
      setFieldErrors((current) => ({ ...current, [field]: undefined }));
    };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const errors = validateTeamForm(values);
    setFieldErrors(errors);
    setFormError(null);
    if (hasErrors(errors)) {
      setAttempt((count) => count + 1);
      return;
    }
    // The version this form loaded: a change by someone else meanwhile is refused, not overwritten.
    if (team)
      update.mutate({ ...toUpdateTeamInput(team.id, values), expectedVersion: team.version });
    else create.mutate(toCreateTeamInput(values));
  };

  return { formRef, values, fieldErrors, formError, change, submit, pending };
}
