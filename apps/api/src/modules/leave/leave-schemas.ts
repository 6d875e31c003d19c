import { daysBetween, isValidLocalDate } from '@aegira/domain';
import { z } from 'zod';
import { LEAVE_TYPES, leaveOutput } from '../../services/leave/leave-dto.ts';
import { localDateInput, toNotBeforeFrom } from '../shared/dated-list-input.ts';

// Shapes, formats and the range rules are checked here; who may act for whom
// and overlaps with other leave need the database and are the service's.

/** The longest leave one record may cover, both ends included. */
export const MAX_LEAVE_DAYS = 366;

const localDate = localDateInput;

export const recordLeaveInput = z
  .strictObject({
    personId: z.uuid('must be the id of a worker'),
    type: z.enum(LEAVE_TYPES, { error: `must be one of: ${LEAVE_TYPES.join(', ')}` }),
    startDate: localDate,
    endDate: localDate,
    /** An empty note is no note. */
    note: z
      .string('must be text')
      .trim()
      .max(500, 'must be at most 500 characters')
      .nullable()
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .superRefine((input, ctx) => {
    // Field refinements do not abort, so this runs even when a date was refused above.
    if (!isValidLocalDate(input.startDate) || !isValidLocalDate(input.endDate)) return;
    const span = daysBetween(input.startDate, input.endDate);
    if (span < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: `must be on or after startDate (${input.startDate})`,
      });
    } else if (span + 1 > MAX_LEAVE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: `must be at most ${MAX_LEAVE_DAYS} days after startDate, both included (this range has ${span + 1})`,
      });
    }
  });

export const cancelLeaveInput = z.strictObject({
  leaveId: z.uuid('must be the id of a leave'),
});

export const listLeaveInput = z
  .strictObject({
    personId: z.uuid('must be a person id').optional(),
    teamId: z.uuid('must be a team id').optional(),
    /** Leave that overlaps from..to (either end optional). */
    from: localDate.optional(),
    to: localDate.optional(),
    includeCancelled: z.boolean('must be true or false').default(false),
  })
  .superRefine(toNotBeforeFrom)
  .default({ includeCancelled: false });

export const leaveListOutput = z.object({ items: z.array(leaveOutput) });

export { leaveOutput };
