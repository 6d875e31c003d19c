import { type FormEvent, useState } from 'react';
import { toFormErrors } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { Button } from '../ui/button.tsx';
import { FormAlert } from '../ui/form-alert.tsx';
import { TextField } from '../ui/text-field.tsx';

// The server's rule (apps/api/src/auth/password.ts); checked here only to answer sooner.
const MIN_LENGTH = 12;
const FIELDS = ['currentPassword', 'newPassword'] as const;
type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

type ChangePasswordFormProps = {
  /** The label of the current password: "One-time password" on the forced screen. */
  currentLabel?: string;
  submitLabel?: string;
  onChanged: () => void | Promise<void>;
};

/** Current password, a new one typed twice; other sessions end, this one stays. */
export function ChangePasswordForm({
  currentLabel = 'Current password',
  submitLabel = 'Change password',
  onChanged,
}: ChangePasswordFormProps) {
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const change = trpc.profile.changePassword.useMutation({
    onSuccess: async () => {
      setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
      await onChanged();
    },
  });
  const server = change.error ? toFormErrors(change.error, FIELDS) : null;
  const errorOf = (field: Field) =>
    problems[field] ?? (field === 'confirmPassword' ? undefined : server?.fields[field]);
  const set = (field: Field) => (value: string) => setValues((old) => ({ ...old, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (values.currentPassword === '') found.currentPassword = 'Enter your current password.';
    if (values.newPassword.length < MIN_LENGTH) {
      found.newPassword = `Use at least ${MIN_LENGTH} characters.`;
    }
    if (values.confirmPassword !== values.newPassword) {
      found.confirmPassword = 'Type the same new password again.';
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  };

  return (
    <form noValidate onSubmit={submit} className="max-w-md space-y-4">
      <FormAlert message={server?.form ?? null} />
      <TextField
        label={currentLabel}
        type="password"
        autoComplete="current-password"
        value={values.currentPassword}
        error={errorOf('currentPassword')}
        onValueChange={set('currentPassword')}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_LENGTH} characters.`}
        value={values.newPassword}
        error={errorOf('newPassword')}
        onValueChange={set('newPassword')}
      />
      <TextField
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        value={values.confirmPassword}
        error={errorOf('confirmPassword')}
        onValueChange={set('confirmPassword')}
      />
      <Button type="submit" pending={change.isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}
