import { isValidLocalDate } from '@aegira/domain';
import { z } from 'zod';
import { holidayOutput } from '../../services/holidays/holiday-dto.ts';

const holidayIdInput = z.uuid('must be a holiday id');

const dateInput = z
  .string()
  .refine(isValidLocalDate, 'must be a calendar date as YYYY-MM-DD, e.g. 2026-12-25');

const nameInput = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'must be at most 100 characters');

export const listHolidaysInput = z
  .strictObject({
    year: z
      .number()
      .int('must be a whole year')
      .min(2000, 'must be a year from 2000 to 2100')
      .max(2100, 'must be a year from 2000 to 2100')
      .optional(),
    includeInactive: z.boolean().default(false),
  })
  .default({ includeInactive: false });

export const createHolidayInput = z.strictObject({
  date: dateInput,
  name: nameInput,
  /** Yearly on the same month and day. */
  recurring: z.boolean().default(false),
});

export const updateHolidayInput = z.strictObject({
  holidayId: holidayIdInput,
  date: dateInput.optional(),
  name: nameInput.optional(),
  recurring: z.boolean().optional(),
});

export const deactivateHolidayInput = z.strictObject({ holidayId: holidayIdInput });

export const listHolidaysOutput = z.object({ items: z.array(holidayOutput) });

export { holidayOutput };
