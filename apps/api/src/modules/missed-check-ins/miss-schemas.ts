import { z } from 'zod';
import { MISS_STATES, missOutput } from '../../services/missed-check-ins/miss-dto.ts';
import { datedListInput } from '../shared/dated-list-input.ts';

export const listMissesInput = datedListInput(MISS_STATES);

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
