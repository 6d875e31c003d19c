import { Button } from '../ui/button.tsx';
import { MAX_PERSON_NAME_LENGTH } from '../ui/field-limits.ts';
import { FormAlert } from '../ui/form-alert.tsx';
import { TextField } from '../ui/text-field.tsx';
import { MIN_PASSWORD_LENGTH } from './sign-up-values.ts';
import { TimeZoneField } from './time-zone-field.tsx';
import { useSignUpForm } from './use-sign-up-form.ts';

const legendClassName = 'text-base font-semibold text-slate-900';

export function SignUpForm() {
  const { formRef, values, fieldErrors, formError, change, submit, pending } = useSignUpForm();
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-8">
      <FormAlert message={formError} />
      <fieldset className="space-y-5">
        <legend className={legendClassName}>Your company</legend>
        <TextField
          label="Company name"
          autoComplete="organization"
          required
          value={values.companyName}
          onValueChange={change('companyName')}
          error={fieldErrors.companyName}
        />
        <TimeZoneField
          value={values.timezone}
          onValueChange={change('timezone')}
          error={fieldErrors.timezone}
          hint="Check-in windows and dates follow this timezone."
        />
      </fieldset>
      <fieldset className="space-y-5">
        <legend className={legendClassName}>Your administrator account</legend>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="First name"
            maxLength={MAX_PERSON_NAME_LENGTH}
            autoComplete="given-name"
            required
            value={values.firstName}
            onValueChange={change('firstName')}
            error={fieldErrors.firstName}
          />
          <TextField
            label="Last name"
            maxLength={MAX_PERSON_NAME_LENGTH}
            autoComplete="family-name"
            required
            value={values.lastName}
            onValueChange={change('lastName')}
            error={fieldErrors.lastName}
          />
        </div>
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={values.email}
          onValueChange={change('email')}
          error={fieldErrors.email}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
          value={values.password}
          onValueChange={change('password')}
          error={fieldErrors.password}
        />
        <TextField
          label="Confirm password"
          type="password"
          autoComplete="new-password"
          required
          value={values.confirmPassword}
          onValueChange={change('confirmPassword')}
          error={fieldErrors.confirmPassword}
        />
      </fieldset>
      <Button type="submit" pending={pending} className="w-full">
        Create company
      </Button>
    </form>
  );
}
