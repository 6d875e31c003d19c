import { isValidHm } from '@aegira/domain';
import { ROLES } from '@aegira/events';
import { z } from 'zod';
import { asOfOutput } from '../../services/as-of/resolve-as-of.ts';
import { personDetailOutput, personOutput } from '../../services/people/person-dto.ts';
import { emailInput, newPasswordInput, personName } from '../auth/auth-schemas.ts';
import { asOfInput } from '../shared/as-of-input.ts';

export const personIdInput = z.uuid('must be a person id');

/** Optional for API clients; the web sends the version it loaded (decision 035). */
const expectedVersion = z
  .uuid('must be the version of the person you loaded (their `version` field)')
  .optional();

export const roleInput = z.enum(ROLES, { error: `must be one of: ${ROLES.join(', ')}` });

/** Trimmed; an empty string clears the number, like null. */
export const phoneInput = z
  .string()
  .trim()
  .max(40, 'must be at most 40 characters')
  .regex(/^(\+?[0-9][0-9 ()./-]*)?$/, 'must be a phone number: digits, spaces and + ( ) - . /')
  .transform((phone) => (phone === '' ? null : phone))
  .nullable();

/** null clears the override field, so the team's value applies again. */
const windowTimeInput = z
  .string()
  .refine(isValidHm, 'must be a time as HH:mm between 00:00 and 23:59')
  .nullable();

/** ISO weekdays, 1 (Monday) to 7 (Sunday); an empty list clears the override. */
const workDaysInput = z
  .array(
    z
      .number()
      .int('must be a whole weekday number')
      .min(1, 'must be a weekday from 1 (Monday) to 7 (Sunday)')
      .max(7, 'must be a weekday from 1 (Monday) to 7 (Sunday)'),
  )
  .max(7, 'must list at most 7 days')
  .refine((days) => new Set(days).size === days.length, 'must not list a day twice')
  .transform((days) => [...days].sort((a, b) => a - b));

const scheduleOverrideFields = {
  windowStart: windowTimeInput.optional(),
  windowEnd: windowTimeInput.optional(),
  workDays: workDaysInput.optional(),
};

export const createPersonInput = z.strictObject({
  email: emailInput,
  firstName: personName,
  lastName: personName,
  role: roleInput,
  teamId: z.uuid('must be a team id').nullable().optional(),
  phone: phoneInput.optional(),
  ...scheduleOverrideFields,
  password: newPasswordInput,
});

// The team is not here: assignment and transfers belong to the teams module.
export const updatePersonInput = z.strictObject({
  personId: personIdInput,
  expectedVersion,
  email: emailInput.optional(),
  firstName: personName.optional(),
  lastName: personName.optional(),
  phone: phoneInput.optional(),
  ...scheduleOverrideFields,
});

export const changeRoleInput = z.strictObject({
  personId: personIdInput,
  expectedVersion,
  role: roleInput,
  /** Required when the new role is WORKER: the team they join. */
  teamId: z.uuid('must be a team id').optional(),
});

export const deactivatePersonInput = z.strictObject({
  personId: personIdInput,
  expectedVersion,
  reason: z
    .string()
    .trim()
    .min(3, 'must be at least 3 characters')
    .max(500, 'must be at most 500 characters'),
});

export const reactivatePersonInput = z.strictObject({ personId: personIdInput, expectedVersion });

/** Erasing a former employee's health data: why is kept with the event (decision 039). */
export const erasePersonInput = z.strictObject({
  personId: personIdInput,
  reason: z
    .string()
    .trim()
    .min(3, 'must be at least 3 characters')
    .max(500, 'must be at most 500 characters'),
});

/** One person, now or as of a point in the past (asOf). */
export const getPersonInput = z.strictObject({ id: personIdInput, asOf: asOfInput });

export const listPeopleInput = z.strictObject({
  search: z.string().trim().max(100, 'must be at most 100 characters').optional(),
  role: roleInput.optional(),
  teamId: z.uuid('must be a team id').optional(),
  /** Omitted: active and inactive people alike. */
  active: z.boolean().optional(),
  cursor: z.uuid('must be a cursor from a previous page').optional(),
  limit: z.number().int().min(1, 'must be 1 to 100').max(100, 'must be 1 to 100').default(25),
});

export const listPeopleOutput = z.object({
  items: z.array(personOutput),
  nextCursor: z.string().nullable(),
});

/** The person page; `asOf` says where the log was cut (null: the present). */
export const getPersonOutput = personDetailOutput.extend({ asOf: asOfOutput });

export { personDetailOutput, personOutput };
