import { describe, expect, it } from 'vitest';
import {
  expectedOnScheduleOf,
  missesInPeriodBefore,
  streakBefore,
} from './missed-check-in-snapshot.ts';
import type { Schedule } from './schedule.ts';

// 2026-01-12 is a Monday.
const weekdays: Schedule = { windowStart: '06:00', windowEnd: '09:00', workDays: [1, 2, 3, 4, 5] };
const MISS = '2026-01-14'; // a Wednesday

describe('streakBefore', () => {
  it('given check-ins on Monday and Tuesday, when Wednesday is missed, then the streak before is 2, ended by the missing Friday before', () => {
    const checkInDates = new Set(['2026-01-12', '2026-01-13', '2026-01-08']);
    const isExpected = expectedOnScheduleOf(weekdays, [], []);
    expect(streakBefore({ missDate: MISS, checkInDates, isExpected })).toBe(2);
  });

  it('given check-ins every work day of two weeks, then the weekend neither breaks nor extends the streak', () => {
    const checkInDates = new Set([
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-01-12',
      '2026-01-13',
    ]);
    const isExpected = expectedOnScheduleOf(weekdays, [], []);
    expect(streakBefore({ missDate: MISS, checkInDates, isExpected })).toBe(7);
  });

  it('given a check-in on a Saturday (not a work day), then it does not extend the streak', () => {
    const checkInDates = new Set(['2026-01-10', '2026-01-12', '2026-01-13']);
    const isExpected = expectedOnScheduleOf(weekdays, [], []);
    expect(streakBefore({ missDate: MISS, checkInDates, isExpected })).toBe(2);
  });

  it('given a holiday (recurring) and a leave day without check-ins, then they neither break nor extend it', () => {
    const checkInDates = new Set(['2026-01-08', '2026-01-13']);
    const holidays = [{ date: '2020-01-12', name: 'Founders day', recurring: true }];
    const leaves = [{ startDate: '2026-01-09', endDate: '2026-01-09' }];
    const isExpected = expectedOnScheduleOf(weekdays, holidays, leaves);
    expect(streakBefore({ missDate: MISS, checkInDates, isExpected })).toBe(2);
  });

  it('given a miss the day before, then the streak is 0', () => {
    const checkInDates = new Set(['2026-01-12']);
    const isExpected = expectedOnScheduleOf(weekdays, [], []);
    expect(streakBefore({ missDate: MISS, checkInDates, isExpected })).toBe(0);
  });

  it('given check-ins on every day further back than the lookback, then the streak stops at the lookback', () => {
    const isExpected = () => true;
    const checkInDates = { has: () => true } as unknown as ReadonlySet<string>;
    expect(streakBefore({ missDate: MISS, checkInDates, isExpected, lookbackDays: 10 })).toBe(10);
  });
});

describe('missesInPeriodBefore', () => {
  it('given misses 1, 30 and 31 days before, and one on the day itself, then 2 count', () => {
    const dates = ['2026-01-13', '2025-12-15', '2025-12-14', MISS, '2026-01-20'];
    expect(missesInPeriodBefore(MISS, dates)).toBe(2);
  });

  it('given no earlier misses, then it is 0', () => {
    expect(missesInPeriodBefore(MISS, [])).toBe(0);
  });
});
