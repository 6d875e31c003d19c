import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, resolveSchedule, type Schedule, validateSchedule } from './schedule.ts';

const team: Schedule = { windowStart: '07:00', windowEnd: '09:30', workDays: [1, 2, 3, 4, 5, 6] };

describe('resolveSchedule', () => {
  it('given no team values, then the default is 06:00–10:00 Monday to Friday', () => {
    expect(resolveSchedule(null)).toEqual({
      windowStart: '06:00',
      windowEnd: '10:00',
      workDays: [1, 2, 3, 4, 5],
    });
    expect(resolveSchedule({})).toEqual(DEFAULT_SCHEDULE);
  });

  it('given a team schedule and no override, then the team schedule applies', () => {
    expect(resolveSchedule(team, null)).toEqual(team);
    expect(resolveSchedule(team)).toEqual(team);
  });

  it.each([
    [{ windowStart: '05:00' }, { ...team, windowStart: '05:00' }],
    [{ windowEnd: '12:00' }, { ...team, windowEnd: '12:00' }],
    [{ workDays: [6, 7] as const }, { ...team, workDays: [6, 7] }],
    // Nullable override columns: null means "use the team's".
    [
      { windowStart: null, windowEnd: '11:00', workDays: null },
      { ...team, windowEnd: '11:00' },
    ],
  ])('given a personal override of %j, then only that field changes', (override, expected) => {
    expect(resolveSchedule(team, override)).toEqual(expected);
  });

  it('given a team missing a field and a person overriding another, then each falls back alone', () => {
    expect(resolveSchedule({ windowStart: '07:00' }, { workDays: [1] })).toEqual({
      windowStart: '07:00',
      windowEnd: '10:00',
      workDays: [1],
    });
  });
});

describe('validateSchedule', () => {
  it('given the default schedule, then it is valid', () => {
    expect(validateSchedule(DEFAULT_SCHEDULE)).toEqual([]);
  });

  it.each([
    [{ windowStart: '6:00' }, 'windowStart', 'windowStart must be a time as HH:mm'],
    [{ windowEnd: '24:00' }, 'windowEnd', 'windowEnd must be a time as HH:mm'],
    [{ windowEnd: '06:00' }, 'windowEnd', 'windowEnd must be after windowStart'],
    [{ windowEnd: '05:00' }, 'windowEnd', 'windowEnd must be after windowStart'],
    [{ workDays: [] }, 'workDays', 'workDays must include at least one day'],
    [
      { workDays: [1, 1] },
      'workDays',
      'workDays must be distinct weekdays from 1 (Monday) to 7 (Sunday)',
    ],
  ] as const)('given %j, then %s is rejected', (change, field, message) => {
    expect(validateSchedule({ ...DEFAULT_SCHEDULE, ...change })).toEqual([{ field, message }]);
  });
});
