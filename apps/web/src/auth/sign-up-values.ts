import type { SignUpInput } from '../trpc/types.ts';

export const MIN_PASSWORD_LENGTH = 12;

export type SignUpValues = {
  companyName: string;
  timezone: string;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  confirmPassword: string;
};

/** Each form value and the dotted input path the server reports its errors under. */
export const signUpFieldPaths = {
  companyName: 'company.name',
  timezone: 'company.timezone',
  firstName: 'admin.firstName',
  lastName: 'admin.lastName',
  email: 'admin.email',
  password: 'admin.password',
  confirmPassword: 'confirmPassword',
} as const satisfies Record<keyof SignUpValues, string>;

export type SignUpField = keyof SignUpValues;

export const signUpFields: readonly SignUpField[] = [
  'companyName',
  'timezone',
  'firstName',
  'lastName',
  'email',
  'password',
  'confirmPassword',
];
/** A message per invalid field; valid fields are absent or undefined. */
export type SignUpErrors = Partial<Record<SignUpField, string | undefined>>;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function required(value: string, message: string): string | undefined {
  return value.trim() === '' ? message : undefined;
}

/** The checks the browser can make before asking the server (which checks again). */
export function validateSignUp(values: SignUpValues): SignUpErrors {
  return {
    companyName:
      required(values.companyName, 'Enter your company’s name.') ??
      (values.companyName.trim().length < 2 ? 'Use at least 2 characters.' : undefined),
    timezone: required(values.timezone, 'Choose your company’s timezone.'),
    firstName: required(values.firstName, 'Enter your first name.'),
    lastName: required(values.lastName, 'Enter your last name.'),
    email:
      required(values.email, 'Enter your email address.') ??
      (EMAIL_PATTERN.test(values.email.trim()) ? undefined : 'Enter a valid email address.'),
    password:
      values.password.length < MIN_PASSWORD_LENGTH
        ? `Use at least ${MIN_PASSWORD_LENGTH} characters.`
        : undefined,
    confirmPassword:
      values.confirmPassword === values.password ? undefined : 'The passwords do not match.',
  };
}

export function hasErrors(errors: SignUpErrors): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

export function toSignUpInput(values: SignUpValues): SignUpInput {
  return {
    company: { name: values.companyName.trim(), timezone: values.timezone },
    admin: {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      email: values.email.trim(),
      password: values.password,
    },
  };
}
