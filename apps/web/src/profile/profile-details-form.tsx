import { type FormEvent, useState } from 'react';
import type { Person } from '../admin/people/people-types.ts';
import { toFormErrors } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { Button } from '../ui/button.tsx';
import { MAX_PERSON_NAME_LENGTH } from '../ui/field-limits.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import { TextField } from '../ui/text-field.tsx';

const FIELDS = ['firstName', 'lastName', 'phone'] as const;

/** Own name and phone; email, role and team are an admin's to change. */
export function ProfileDetailsForm({ profile, onSaved }: { profile: Person; onSaved: () => void }) {
  const utils = trpc.useUtils();
  const [firstName, setFirstName] = useState(profile.firstName);
  const [lastName, setLastName] = useState(profile.lastName);
  const [phone, setPhone] = useState(profile.phone ?? '');
  const update = trpc.profile.update.useMutation({
    onSuccess: async () => {
      // The header shows the name from auth.me.
      await Promise.all([utils.profile.invalidate(), utils.auth.me.invalidate()]);
      onSaved();
    },
  });
  const server = update.error ? toFormErrors(update.error, FIELDS) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      firstName,
      lastName,
      phone: phone.trim() === '' ? null : phone.trim(),
    });
  };
  return (
    <form noValidate onSubmit={submit} className="max-w-md space-y-4">
      <FormAlert message={server?.form ?? null} />
      <TextField
        label="First name"
        maxLength={MAX_PERSON_NAME_LENGTH}
        autoComplete="given-name"
        value={firstName}
        error={server?.fields.firstName}
        onValueChange={setFirstName}
      />
      <TextField
        label="Last name"
        maxLength={MAX_PERSON_NAME_LENGTH}
        autoComplete="family-name"
        value={lastName}
        error={server?.fields.lastName}
        onValueChange={setLastName}
      />
      <TextField
        label="Phone"
        type="tel"
        autoComplete="tel"
        hint="Optional. Your team lead may call you on it."
        value={phone}
        error={server?.fields.phone}
        onValueChange={setPhone}
      />
      <Button type="submit" pending={update.isPending}>
        Save details
      </Button>
    </form>
  );
}
