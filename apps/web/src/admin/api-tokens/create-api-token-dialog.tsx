import { type FormEvent, useRef, useState } from 'react';
import { useSignedInUser } from '../../session/session-store.ts';
import { toFormErrors } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { FormAlert } from '../../ui/form-alert.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFocusFirstError } from '../../ui/use-focus-first-error.ts';
import {
  API_TOKEN_SCOPES,
  type ApiTokenErrors,
  type ApiTokenFormValues,
  apiTokenFields,
  type CreatedApiToken,
  emptyApiTokenValues,
  hasErrors,
  isApiTokenScope,
  localDateToday,
  NAME_MAX_LENGTH,
  scopeDescriptions,
  scopeLabels,
  toCreateApiTokenInput,
  validateApiToken,
} from './api-token-values.ts';
import { useRefreshApiTokens } from './use-refresh-api-tokens.ts';

type CreateApiTokenDialogProps = {
  open: boolean;
  onClose: () => void;
  /** Receives the plain token once; the caller keeps it in component state only. */
  onCreated: (created: CreatedApiToken) => void;
};

export function CreateApiTokenDialog({ open, onClose, onCreated }: CreateApiTokenDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create an API token"
      description="For one script or service that calls AEGIRA. It acts as you, within its scope."
    >
      <CreateApiTokenForm onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

/**
 * The mutation result holds the plain token, so it must not linger in React Query's
 * mutation cache: gcTime 0 drops the mutation as soon as nothing observes it, and the
 * observer lets go of it (reset) the moment the token is handed to the page.
 */
function useCreateApiToken(onCreated: (created: CreatedApiToken) => void) {
  const refresh = useRefreshApiTokens();
  const create = trpc.apiTokens.create.useMutation({
    gcTime: 0,
    onSuccess: (created) => {
      create.reset();
      onCreated(created);
      void refresh();
    },
  });
  return create;
}

function CreateApiTokenForm({ onClose, onCreated }: Omit<CreateApiTokenDialogProps, 'open'>) {
  const formRef = useRef<HTMLFormElement>(null);
  const timeZone = useSignedInUser().company.timezone;
  const [values, setValues] = useState<ApiTokenFormValues>(emptyApiTokenValues);
  const [errors, setErrors] = useState<ApiTokenErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const create = useCreateApiToken(onCreated);

  const fail = (error: unknown) => {
    const server = toFormErrors(error, apiTokenFields);
    setErrors(server.fields);
    setFormError(server.form);
    setAttempt((count) => count + 1);
  };

  const change =
    <F extends keyof ApiTokenFormValues>(field: F, errorField: keyof ApiTokenErrors) =>
    (value: ApiTokenFormValues[F]) => {
      setValues((current) => ({ ...current, [field]: value }));
      setErrors((current) => ({ ...current, [errorField]: undefined }));
    };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const found = validateApiToken(values);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) {
      setAttempt((count) => count + 1);
      return;
    }
    create.mutate(toCreateApiTokenInput(values, timeZone), { onError: fail });
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-5">
      <FormAlert message={formError} />
      <TextField
        label="Name"
        required
        maxLength={NAME_MAX_LENGTH}
        autoComplete="off"
        value={values.name}
        onValueChange={change('name', 'name')}
        hint="What will use it, e.g. “Nightly check-in export”."
        error={errors.name}
      />
      <SelectField
        label="Scope"
        value={values.scope}
        onValueChange={(value) => {
          if (isApiTokenScope(value)) change('scope', 'scope')(value);
        }}
        hint={scopeDescriptions[values.scope]}
        error={errors.scope}
      >
        {API_TOKEN_SCOPES.map((scope) => (
          <option key={scope} value={scope}>
            {scopeLabels[scope]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Expires on (optional)"
        type="date"
        min={localDateToday(timeZone)}
        value={values.expiresOn}
        onValueChange={change('expiresOn', 'expiresAt')}
        hint={`It stops working when this day ends in the company’s time zone (${timeZone}). Leave empty for no expiry.`}
        error={errors.expiresAt}
      />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Create token
        </Button>
      </div>
    </form>
  );
}
