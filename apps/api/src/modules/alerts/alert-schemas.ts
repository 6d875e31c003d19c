import { z } from 'zod';
import {
  ALERT_STATES,
  alertOutput,
  COUNTERMEASURE_TYPES,
} from '../../services/alerts/alert-dto.ts';
import { datedListInput } from '../shared/dated-list-input.ts';

export const listAlertsInput = datedListInput(ALERT_STATES);

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
