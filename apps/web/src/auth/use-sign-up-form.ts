import { type FormEvent, useRef, useState } from 'react';
import { useApplySession } from '../session/use-session.ts';
import { toFormErrors } from '../trpc/errors.ts';
import { trpc } from '../trpc/trpc.ts';
import { useFocusFirstError } from '../ui/use-focus-first-error.ts';
import { rememberCompany } from './company-memory.ts';
import {
  hasErrors,
  type SignUpErrors,
  type SignUpField,
  type SignUpValues,
  signUpFieldPaths,
  signUpFields,
  toSignUpInput,
  validateSignUp,
} from './sign-up-values.ts';
import { browserTimeZone } from './time-zones.ts';

const serverPaths = Object.values(signUpFieldPaths);

/** Maps the server's dotted-path field errors back onto the form's fields. */
function fieldErrorsFromServer(fields: Partial<Record<string, string>>): SignUpErrors {
  const errors: SignUpErrors = {};
  for (const field of signUpFields) {
    const message = fields[signUpFieldPaths[field]];
    if (message !== undefined) errors[field] = message;
  }
  return errors;
}

export function useSignUpForm() {
  const applySession = useApplySession();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SignUpValues>(() => ({
    companyName: '',
    timezone: browserTimeZone(),
    firstName: '',
    lastName: '',
    email: '',
    password: '',
    confirmPassword: '',
  }));
  const [fieldErrors, setFieldErrors] = useState<SignUpErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstError(formRef, attempt);

  const signUp = trpc.auth.signUp.useMutation({
    onSuccess: ({ user }) => {
      // The login form after a logout names this company already.
      rememberCompany(user.company.slug);
      applySession(user);
    },
    onError: (error) => {
      const errors = toFormErrors(error, serverPaths);
      setFieldErrors(fieldErrorsFromServer(errors.fields));
      setFormError(errors.form);
      setAttempt((count) => count + 1);
    },
  });

  const change = (field: SignUpField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signUp.isPending) return;
    const errors = validateSignUp(values);
    setFieldErrors(errors);
    setFormError(null);
    if (hasErrors(errors)) {
      setAttempt((count) => count + 1);
      return;
    }
    signUp.mutate(toSignUpInput(values));
  };

  return { formRef, values, fieldErrors, formError, change, submit, pending: signUp.isPending };
}
