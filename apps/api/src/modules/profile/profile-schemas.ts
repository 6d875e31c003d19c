import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../auth/password.ts';
import { personOutput } from '../../services/people/person-dto.ts';
import { newPasswordInput, personName } from '../auth/auth-schemas.ts';
import { phoneInput } from '../people/people-schemas.ts';

// Email, role, team and schedule are the admin's to change, so they are not here.
export const updateProfileInput = z.strictObject({
  firstName: personName.optional(),
  lastName: personName.optional(),
  phone: phoneInput.optional(),
});

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(MAX_PASSWORD_LENGTH, 'is too long'),
  newPassword: newPasswordInput,
});

export const changePasswordOutput = z.object({ ok: z.literal(true) });

export { personOutput as profileOutput };
