import { isValidLocalDate } from '@aegira/domain';
import { z } from 'zod';
import { MISS_STATES, missOutput } from '../../services/missed-check-ins/miss-dto.ts';

const localDate = z
  .string('must be a date as YYYY-MM-DD')
  .refine(isValidLocalDate, 'must be a date as YYYY-MM-DD');

export const listMissesInput = z
  .strictObject({
    personId: z.uuid('must be a person id').optional(),
    teamId: z.uuid('must be a team id').optional(),
    from: localDate.optional(),
    to: localDate.optional(),
    state: z.enum(MISS_STATES, { error: `must be one of: ${MISS_STATES.join(', ')}` }).optional(),
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

export const excuseMissInput = z.strictObject({
  missId: z.uuid('must be the id of a missed check-in'),
  reason: z
    .string('must be text')
    .trim()
    .min(1, 'is required: say why the miss is excused')
    .max(500, 'must be at most 500 characters'),
});

export const missListOutput = z.object({
  items: z.array(missOutput),
  nextCursor: z.string().nullable(),
});

export { missOutput };
