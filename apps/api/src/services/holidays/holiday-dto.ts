import { type Holiday, localDateOf } from '@aegira/db';
import { z } from 'zod';

export const holidayOutput = z.object({
  id: z.uuid(),
  /** 'YYYY-MM-DD'; for a recurring holiday only the month and day matter. */
  date: z.iso.date(),
  name: z.string(),
  recurring: z.boolean(),
  isActive: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type HolidayDto = z.infer<typeof holidayOutput>;

export function toHolidayDto(row: Holiday): HolidayDto {
  return {
    id: row.id,
    date: localDateOf(row.date),
    name: row.name,
    recurring: row.recurring,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
