import { describe, expect, it } from 'vitest';
import {
  emptyLeaveValues,
  hasErrors,
  toRecordLeaveInput,
  validateLeave,
} from './leave-form-values.ts';

const personId = '1f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4';
const today = '2026-03-02';

describe('validateLeave', () => {
  it('takes a leave of today, the form’s starting point', () => {
    expect(hasErrors(validateLeave(emptyLeaveValues(today)))).toBe(false);
  });

  it('needs real dates, the last day on or after the first', () => {
    const values = emptyLeaveValues(today);
    expect(validateLeave({ ...values, startDate: '', endDate: '2026-02-30' })).toMatchObject({
      startDate: 'Choose the first day of leave.',
      endDate: 'Choose the last day of leave.',
    });
    expect(validateLeave({ ...values, endDate: '2026-03-01' }).endDate).toBe(
      'The last day is before the first day.',
    );
  });

  it('takes 366 days, both ends included, and no more', () => {
    const values = { ...emptyLeaveValues('2026-01-01'), endDate: '2027-01-01' };
    expect(validateLeave(values).endDate).toBeUndefined();
    expect(validateLeave({ ...values, endDate: '2027-01-02' }).endDate).toMatch(/at most 366 days/);
  });

  it('keeps the note to 500 characters', () => {
    const note = 'x'.repeat(501);
    expect(validateLeave({ ...emptyLeaveValues(today), note }).note).toBe(
      'Keep the note to 500 characters.',
    );
  });
});

describe('toRecordLeaveInput', () => {
  it('trims the note and leaves a blank one out', () => {
    const values = {
      type: 'SICK',
      startDate: today,
      endDate: '2026-03-03',
      note: ' Flu ',
    } as const;
    expect(toRecordLeaveInput(personId, values)).toEqual({
      personId,
      type: 'SICK',
      startDate: today,
      endDate: '2026-03-03',
      note: 'Flu',
    });
    expect(toRecordLeaveInput(personId, { ...values, note: '  ' })).not.toHaveProperty('note');
  });
});
