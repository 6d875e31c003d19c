import { isValidTimeZone } from '@aegira/domain';
import { ROLES } from '@aegira/events';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../auth/password.ts';

export const emailInput = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('must be a valid email address').max(254, 'must be at most 254 characters'));

export const newPasswordInput = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const personName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'must be at most 100 characters');

export const timezoneInput = z
  .string()
  .trim()
  .max(64, 'must be an IANA timezone name such as Europe/Berlin')
  .refine(isValidTimeZone, 'must be an IANA timezone name such as Europe/Berlin');

// strictObject everywhere: an unknown field (a smuggled companyId, say) is an
// error that names the field, never silently dropped.
export const signUpInput = z.strictObject({
  company: z.strictObject({
    name: z
      .string()
      .trim()
      .min(2, 'must be at least 2 characters')
      .max(120, 'must be at most 120 characters'),
    timezone: timezoneInput,
  }),
  admin: z.strictObject({
    firstName: personName,
    lastName: personName,
    email: emailInput,
    password: newPasswordInput,
  }),
});

/** A company's sign-in name, as in its link `/c/<slug>` (lower-case letters, digits, dashes). */
export const companySlugInput = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'is required: the company part of your sign-in link, such as demo-construction-co')
  .max(64, 'must be at most 64 characters')
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be a company sign-in name such as demo-construction-co (letters, digits and single dashes)',
  );

export const loginInput = z.strictObject({
  company: companySlugInput,
  email: emailInput,
  // Any length is checked against the hash; limits only guard the hasher.
  password: z.string().min(1, 'is required').max(MAX_PASSWORD_LENGTH, 'is too long'),
});

export const sessionUserOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(ROLES),
  company: z.object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    timezone: z.string(),
  }),
  /** Signed in with an admin-set or one-time password: the web shows the change-password screen first. */
  mustChangePassword: z.boolean(),
});

export const userResultOutput = z.object({ user: sessionUserOutput });
export const meOutput = z.object({ user: sessionUserOutput.nullable() });
