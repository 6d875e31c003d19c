import { type FormEvent, useEffect, useRef, useState } from 'react';
import { isStaleVersion, STALE_VERSION_MESSAGE, toFormErrors } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { useFocusFirstError } from '../../ui/use-focus-first-error.ts';
import { useRefreshAdminData } from '../use-refresh-admin-data.ts';
import type { Person } from './people-types.ts';
import {
  emptyPersonValues,
  hasErrors,
  type PersonErrors,
  type PersonFormValues,
  personFields,
  personFormValues,
  toCreatePersonInput,
  toUpdatePersonInput,
  validatePersonForm,
} from './person-form-values.ts';

type UsePersonFormOptions = {
  /** Absent: a new person. */
  person?: Person;
  onSaved: (person: Person) => void;
};

export function usePersonForm({ person, onSaved }: UsePersonFormOptions) {
  const mode = person ? 'edit' : 'create';
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<PersonFormValues>(() =>
    person ? personFormValues(person) : emptyPersonValues,
  );
  const [fieldErrors, setFieldErrors] = useState<PersonErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const refresh = useRefreshAdminData();
  // After a stale-version refusal the form takes the reloaded person once they arrive.
  const [reloading, setReloading] = useState(false);
  useEffect(() => {
    if (!reloading || !person) return;
    setValues(personFormValues(person));
    setReloading(false);
  }, [reloading, person]);

  const handlers = {
    onSuccess: async (saved: Person) => {
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
      const errors = toFormErrors(error, personFields);
      setFieldErrors(errors.fields);
      setFormError(errors.form);
      setAttempt((count) => count + 1);
    },
  };
  const create = trpc.people.create.useMutation(handlers);
  const update = trpc.people.update.useMutation(handlers);
  const pending = create.isPending || update.isPending;

  const change =
    <F extends keyof PersonFormValues>(field: F) =>
    (value: PersonFormValues[F]) => {
      setValues((current) => ({ ...current, [field]: value }));
      setFieldErrors((current) => ({ ...current, [field]: undefined }));
    };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const errors = validatePersonForm(values, mode);
    setFieldErrors(errors);
    setFormError(null);
    if (hasErrors(errors)) {
      setAttempt((count) => count + 1);
      return;
    }
    // The version this form loaded: a change by someone else meanwhile is refused, not overwritten.
    if (person) {
      update.mutate({ ...toUpdatePersonInput(person.id, values), expectedVersion: person.version });
    } else if (values.role !== '') create.mutate(toCreatePersonInput(values, values.role));
  };

  return { mode, formRef, values, fieldErrors, formError, change, submit, pending };
}
