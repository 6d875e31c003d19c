import { isValidLocalDate } from '@aegira/domain';
import { z } from 'zod';
import {
  ALERT_STATES,
  alertOutput,
  COUNTERMEASURE_TYPES,
} from '../../services/alerts/alert-dto.ts';

const localDate = z
  .string('must be a date as YYYY-MM-DD')
  .refine(isValidLocalDate, 'must be a date as YYYY-MM-DD');

export const listAlertsInput = z
  .strictObject({
    personId: z.uuid('must be a person id').optional(),
    teamId: z.uuid('must be a team id').optional(),
    from: localDate.optional(),
    to: localDate.optional(),
    state: z.enum(ALERT_STATES, { error: `must be one of: ${ALERT_STATES.join(', ')}` }).optional(),
    cursor: z.uuid('must be a cursor from a previous page').optional(),
    limit: z
      .number('must be a number')
      .int('must be a whole number')
      .min(1, 'must be between 1 and 100')
      .max(100, 'must be between 1 and 100')
      .default(25),
    // Sent by tRPC's infinite-query helper; the list only pages forward (newest first).
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.from && input.to && input.to < input.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be on or after from (${input.from})`,
      });
    }
  })
  .default({ limit: 25 });

export const recordCountermeasureInput = z.strictObject({
  alertId: z.uuid('must be the id of a readiness alert'),
  type: z.enum(COUNTERMEASURE_TYPES, {
    error: `must be one of: ${COUNTERMEASURE_TYPES.join(', ')}`,
  }),
  note: z
    .string('must be text')
    .trim()
    .min(1, 'is required: say what was done')
    .max(500, 'must be at most 500 characters'),
});

export const alertListOutput = z.object({
  items: z.array(alertOutput),
  nextCursor: z.string().nullable(),
});

export { alertOutput };
