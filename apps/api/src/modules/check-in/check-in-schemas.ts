import { PAIN_LOCATIONS, validateCheckInInputs } from '@aegira/domain';
import { z } from 'zod';
import { asOfOutput } from '../../services/as-of/resolve-as-of.ts';
import {
  checkInInputsOutput,
  checkInOutput,
  checkInScoresOutput,
} from '../../services/check-in/check-in-dto.ts';
import { asOfInput } from '../shared/as-of-input.ts';

/**
 * The check-in form. Shapes are checked here; the ranges and the pain-location
 * rule come from packages/domain, the same rules the browser form uses.
 */
export const checkInInput = z
  .strictObject({
    hoursSlept: z.number(),
    sleepQuality: z.number(),
    stressLevel: z.number(),
    physicalCondition: z.number(),
    painLevel: z.number(),
    painLocation: z
      .enum(PAIN_LOCATIONS, { error: `must be one of: ${PAIN_LOCATIONS.join(', ')}` })
      .nullable()
      .optional(),
    notes: z.string().nullable().optional(),
  })
  .transform((input, ctx) => {
    const result = validateCheckInInputs(input);
    if (result.ok) return result.value;
    for (const error of result.errors) {
      ctx.addIssue({ code: 'custom', path: [error.field], message: error.message });
    }
    return z.NEVER;
  });

/** One check-in, now or as of a point in the past (asOf). */
export const checkInIdInput = z.strictObject({
  id: z.uuid('must be a check-in id'),
  asOf: asOfInput,
});

export const historyInput = z.strictObject({
  personId: z.uuid('must be a person id').optional(),
  cursor: z.uuid('must be a cursor from a previous page').optional(),
  limit: z.number().int().min(1).max(100).default(20),
  // Sent by tRPC's infinite-query helper; history only pages forward (newest first).
  direction: z.enum(['forward', 'backward']).optional(),
});

export const forDateInput = z.strictObject({
  date: z.iso.date('must be a date YYYY-MM-DD'),
  teamId: z.uuid('must be a team id').optional(),
  cursor: z.uuid('must be a cursor from a previous page').optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const forDateOutput = z.object({
  items: z.array(
    checkInOutput.extend({
      person: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const statusOutput = z.object({
  localDate: z.iso.date(),
  timeZone: z.string(),
  status: z.enum(['holiday', 'non_work_day', 'before_window', 'open', 'closed_late_allowed']),
  isWorkDay: z.boolean(),
  holidayName: z.string().nullable(),
  window: z.object({ start: z.string(), end: z.string() }),
  windowOpen: z.boolean(),
  alreadyCheckedIn: z.boolean(),
  canCheckIn: z.boolean(),
  message: z.string(),
  blockedReason: z.string().nullable(),
  /** Leave covering today: no check-in is expected, though one is still accepted. */
  onLeave: z
    .object({
      leaveId: z.uuid(),
      type: z.enum(['ANNUAL', 'SICK', 'OTHER']),
      startDate: z.iso.date(),
      endDate: z.iso.date(),
    })
    .nullable(),
  checkIn: checkInOutput.nullable(),
});

export const historyOutput = z.object({
  items: z.array(checkInOutput),
  nextCursor: z.string().nullable(),
});

export const checkInDetailOutput = z.object({
  checkIn: checkInOutput,
  versions: z.array(
    z.object({
      version: z.number().int(),
      type: z.enum(['CHECK_IN_SUBMITTED', 'CHECK_IN_UPDATED']),
      recordedAt: z.iso.datetime(),
      inputs: checkInInputsOutput.nullable(),
      scores: checkInScoresOutput,
    }),
  ),
  /** Where the log was cut (null: the present); versions are those recorded by then. */
  asOf: asOfOutput,
});

export { checkInOutput };
