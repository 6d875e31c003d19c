import { z } from 'zod';

export const jobRunsInput = z.strictObject({
  job: z
    .string()
    .min(1, 'must name a job, such as detect-missed-check-ins')
    .max(100, 'must be at most 100 characters')
    .optional(),
  cursor: z.uuid('must be a cursor from a previous page').optional(),
  limit: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be between 1 and 100')
    .max(100, 'must be between 1 and 100')
    .default(25),
});

export const jobRunOutput = z.object({
  id: z.uuid(),
  job: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  outcome: z.enum(['running', 'succeeded', 'failed']),
  counts: z.record(z.string(), z.number()),
  error: z.string().nullable(),
});

export const jobRunsOutput = z.object({
  items: z.array(jobRunOutput),
  nextCursor: z.string().nullable(),
});
