import { describe, expect, it } from 'vitest';
import { hasErrors, type SignUpValues, toSignUpInput, validateSignUp } from './sign-up-values.ts';

const valid: SignUpValues = {
  companyName: ' Acme Mining ',
  timezone: 'Australia/Perth',
  firstName: 'Ada ',
  lastName: 'Lovelace',
  email: ' ada@acme.test',
  password: 'correct horse battery',
  confirmPassword: 'correct horse battery',
};

describe('validateSignUp', () => {
  it('accepts a complete form', () => {
    expect(hasErrors(validateSignUp(valid))).toBe(false);
  });

  it('requires a password of 12 or more characters', () => {
    const errors = validateSignUp({ ...valid, password: 'short', confirmPassword: 'short' });
    expect(errors.password).toBe('Use at least 12 characters.');
    expect(
      validateSignUp({ ...valid, password: 'a'.repeat(12), confirmPassword: 'a'.repeat(12) }),
    ).not.toHaveProperty('password', expect.any(String));
  });

  it('requires the confirmation to match', () => {
    expect(validateSignUp({ ...valid, confirmPassword: 'something else' }).confirmPassword).toBe(
      'The passwords do not match.',
    );
  });

  it('requires the names and a plausible email', () => {
    const errors = validateSignUp({ ...valid, companyName: '  ', firstName: '', email: 'ada@' });
    expect(errors.companyName).toBeDefined();
    expect(errors.firstName).toBeDefined();
    expect(errors.email).toBe('Enter a valid email address.');
    expect(validateSignUp({ ...valid, companyName: 'A' }).companyName).toBe(
      'Use at least 2 characters.',
    );
  });
});

describe('toSignUpInput', () => {
  it('trims names and email but never the password', () => {
    expect(toSignUpInput({ ...valid, password: ' spaced secret ' })).toEqual({
      company: { name: 'Acme Mining', timezone: 'Australia/Perth' },
      admin: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@acme.test',
        password: ' spaced secret ',
      },
    });
  });
});
