import { describe, expect, it } from 'vitest';
import {
  emptyHolidayValues,
  hasErrors,
  holidayWhen,
  toCreateHolidayInput,
  toUpdateHolidayInput,
  validateHoliday,
} from './holiday-values.ts';

describe('validateHoliday', () => {
  it('needs a real date and a name', () => {
    const errors = validateHoliday({ ...emptyHolidayValues, date: '2026-02-30', name: ' ' });
    expect(errors).toEqual({ date: 'Choose the date.', name: 'Enter the holiday’s name.' });
    expect(
      hasErrors(validateHoliday({ date: '2026-12-25', name: 'Christmas', recurring: true })),
    ).toBe(false);
  });
});

describe('holiday inputs', () => {
  it('trims the name and names the holiday being edited', () => {
    const values = { date: '2026-12-25', name: ' Christmas ', recurring: true };
    expect(toCreateHolidayInput(values)).toEqual({
      date: '2026-12-25',
      name: 'Christmas',
      recurring: true,
    });
    expect(toUpdateHolidayInput('h1', values)).toMatchObject({ holidayId: 'h1' });
  });
});

describe('holidayWhen', () => {
  it('leaves the year out of a recurring holiday', () => {
    expect(holidayWhen({ date: '2026-12-25', recurring: false })).toBe('Fri, 25 Dec 2026');
    expect(holidayWhen({ date: '2026-12-25', recurring: true })).toBe('25 Dec, every year');
  });
});
