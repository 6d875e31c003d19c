/** Company holidays: a fixed date, or a recurring one that falls on the same month-day each year. */
import type { LocalDate } from './local-time.ts';

export interface Holiday {
  date: LocalDate;
  name: string;
  /** Matches the month and day in every year (so a recurring 29 February only in leap years). */
  recurring: boolean;
}

export function isHolidayOn(holiday: Holiday, date: LocalDate): boolean {
  return holiday.recurring ? holiday.date.slice(5) === date.slice(5) : holiday.date === date;
}

/** The holiday on `date`; an exact-date holiday wins over a recurring one for its name. */
export function findHoliday(date: LocalDate, holidays: readonly Holiday[]): Holiday | null {
  return (
    holidays.find((h) => !h.recurring && isHolidayOn(h, date)) ??
    holidays.find((h) => h.recurring && isHolidayOn(h, date)) ??
    null
  );
}
