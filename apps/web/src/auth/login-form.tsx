import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useApplySession } from '../session/use-session.ts';
import { type FormErrors, noFormErrors, toFormErrors } from '../trpc/errors.ts';
import { procedureMutation } from '../trpc/first-page-client.ts';
import { Button } from '../ui/button.tsx';
import { FormAlert } from '../ui/form-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import { useFocusFirstError } from '../ui/use-focus-first-error.ts';
import { rememberCompany, rememberedCompany } from './company-memory.ts';

const loginFields = ['company', 'email', 'password'] as const;
type LoginField = (typeof loginFields)[number];

function validateLogin(values: Record<LoginField, string>): FormErrors['fields'] {
  const fields: FormErrors['fields'] = {};
  if (values.company.trim() === '') {
    fields.company = 'Enter your company’s sign-in name (the last part of its sign-in link).';
  }
  if (values.email.trim() === '') fields.email = 'Enter your email address.';
  if (values.password === '') fields.password = 'Enter your password.';
  return fields;
}

/** `company`: from the sign-in link `/c/<slug>`; otherwise the one this browser remembers. */
export function LoginForm({ company }: { company?: string | undefined }) {
  const applySession = useApplySession();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<LoginField, string>>(() => ({
    company: company ?? rememberedCompany(),
    email: '',
    password: '',
  }));
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);

  const login = useMutation({
    ...procedureMutation('auth.login'),
    onSuccess: ({ user }) => {
      rememberCompany(user.company.slug);
      applySession(user);
    },
    onError: (error) => {
      setErrors(toFormErrors(error, loginFields));
      setAttempt((count) => count + 1);
    },
  });

  const change = (field: LoginField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, fields: { ...current.fields, [field]: undefined } }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) return;
    const fields = validateLogin(values);
    if (Object.values(fields).some(Boolean)) {
      setErrors({ form: null, fields });
      setAttempt((count) => count + 1);
      return;
    }
    setErrors(noFormErrors);
    login.mutate({
      company: values.company.trim().toLowerCase(),
      email: values.email.trim(),
      password: values.password,
    });
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-5">
      <FormAlert message={errors.form} />
      <TextField
        label="Company"
        hint="Your company’s sign-in name, as in its link …/c/your-company"
        autoComplete="organization"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={values.company}
        onValueChange={change('company')}
        error={errors.fields.company}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        required
        value={values.email}
        onValueChange={change('email')}
        error={errors.fields.email}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={values.password}
        onValueChange={change('password')}
        error={errors.fields.password}
      />
      <Button type="submit" pending={login.isPending} className="w-full">
        Log in
      </Button>
    </form>
  );
}
