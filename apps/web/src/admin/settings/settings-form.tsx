import { type FormEvent, useRef, useState } from 'react';
import { TimeZoneField } from '../../auth/time-zone-field.tsx';
import { toFormErrors } from '../../trpc/errors.ts';
import { trpc } from '../../trpc/trpc.ts';
import { Button } from '../../ui/button.tsx';
import { FormAlert } from '../../ui/form-alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFocusFirstError } from '../../ui/use-focus-first-error.ts';
import { useRefreshAdminData } from '../use-refresh-admin-data.ts';
import {
  type Company,
  type SettingsErrors,
  type SettingsValues,
  settingsChanges,
  settingsFields,
  validateSettings,
} from './settings-values.ts';

export function SettingsForm({
  company,
  onSaved,
}: {
  company: Company;
  onSaved: (message: string) => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SettingsValues>({
    name: company.name,
    timezone: company.timezone,
  });
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);
  const utils = trpc.useUtils();
  const refresh = useRefreshAdminData();
  const update = trpc.company.updateSettings.useMutation({
    onSuccess: async () => {
      // The header shows the name, and every date follows the timezone: re-read who is signed in.
      await Promise.all([refresh(), utils.auth.me.invalidate()]);
      onSaved('Company settings are saved.');
    },
    onError: (error) => {
      const server = toFormErrors(error, settingsFields);
      setErrors(server.fields);
      setFormError(server.form);
      setAttempt((count) => count + 1);
    },
  });

  const change = (field: keyof SettingsValues) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    const found = validateSettings(values);
    setErrors(found);
    setFormError(null);
    if (Object.values(found).some((message) => message !== undefined)) {
      setAttempt((count) => count + 1);
      return;
    }
    const changes = settingsChanges(company, values);
    if (changes === null) onSaved('Nothing changed.');
    else update.mutate(changes);
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="max-w-2xl space-y-6">
      <div className="space-y-5 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <FormAlert message={formError} />
        <TextField
          label="Company name"
          required
          autoComplete="organization"
          value={values.name}
          onValueChange={change('name')}
          error={errors.name}
        />
        <TimeZoneField
          value={values.timezone}
          onValueChange={change('timezone')}
          error={errors.timezone}
          hint="Check-in windows, dates and the audit log follow this clock."
        />
      </div>
      <Button type="submit" pending={update.isPending} className="sm:min-w-40">
        Save settings
      </Button>
    </form>
  );
}
