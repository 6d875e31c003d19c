import { isValidLocalDate } from '@aegira/domain';
import { z } from 'zod';

/** A company-local date as sent by clients. */
export const localDateInput = z
  .string('must be a date as YYYY-MM-DD')
  .refine(isValidLocalDate, 'must be a date as YYYY-MM-DD');

/** The paging fields of a cursor list, newest first, 25 a page unless asked. */
export const pageFields = {
  cursor: z.uuid('must be a cursor from a previous page').optional(),
  limit: z
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be between 1 and 100')
    .max(100, 'must be between 1 and 100')
    .default(25),
  // Sent by tRPC's infinite-query helper; lists only page forward (newest first).
  direction: z.enum(['forward', 'backward']).optional(),
};

/** Refuses a date range whose end (`to`) comes before its start (`from`). */
export function toNotBeforeFrom(
  input: { from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (input.from && input.to && input.to < input.from) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `must be on or after from (${input.from})`,
    });
  }
}

/**
 * The input of a list of dated records (misses, alerts): by person, team, date range and
 * state, newest first, a cursor page at a time. One definition, so every such list names
 * its fields and limits the same way.
 */
export function datedListInput<const S extends readonly [string, ...string[]]>(states: S) {
  return z
    .strictObject({
      personId: z.uuid('must be a person id').optional(),
      teamId: z.uuid('must be a team id').optional(),
      from: localDateInput.optional(),
      to: localDateInput.optional(),
      state: z.enum(states, { error: `must be one of: ${states.join(', ')}` }).optional(),
      ...pageFields,
    })
    .superRefine(toNotBeforeFrom)
    .default({ limit: 25 });
}
