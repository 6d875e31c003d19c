import { describe, expect, it } from 'vitest';
import {
  complianceOf,
  type JudgedDay,
  mondayOf,
  percentOf,
  periodStart,
  streakOf,
  weekCompletionOf,
  worstAndBestDays,
} from './readiness-metrics.ts';

// 2026-11-16 is a Monday; 2026-11-21/22 a weekend.
const day = (date: string, expected: boolean, checkedIn: boolean): JudgedDay => ({
  date,
  expected,
  checkedIn,
});

describe('streak', () => {
  it('given check-ins on every expected day across a weekend and a holiday, when counted on Tuesday, then the non-expected days neither break nor extend it', () => {
    const days = [
      day('2026-11-19', true, true), // Thu
      day('2026-11-20', false, false), // Fri: holiday
      day('2026-11-21', false, false), // Sat
      day('2026-11-22', false, false), // Sun
      day('2026-11-23', true, true), // Mon
      day('2026-11-24', true, false), // Tue (today), not yet
    ];
    expect(streakOf(days, '2026-11-24')).toBe(2);
  });

  it('given today is checked in, then today counts; a check-in on a day not expected does not', () => {
    const days = [
      day('2026-11-21', false, true), // Saturday check-in
      day('2026-11-23', true, true),
      day('2026-11-24', true, true),
    ];
    expect(streakOf(days, '2026-11-24')).toBe(2);
  });

  it('given a missed expected day, then the streak stops there', () => {
    const days = [
      day('2026-11-18', true, true),
      day('2026-11-19', true, false),
      day('2026-11-20', true, true),
      day('2026-11-23', true, true),
    ];
    expect(streakOf(days, '2026-11-24')).toBe(2);
  });

  it('given no days, then 0', () => {
    expect(streakOf([], '2026-11-24')).toBe(0);
  });
});

describe('compliance', () => {
  it('given leave (not expected) and a check-in while on leave, then neither counts', () => {
    // Three workers: one on leave (checked in anyway), two expected, one checked in.
    expect(complianceOf([{ expected: 2, submitted: 1 }])).toBe(50);
  });

  it('leaves days with nobody expected out of the period', () => {
    expect(
      complianceOf([
        { expected: 0, submitted: 0 },
        { expected: 4, submitted: 3 },
        { expected: 4, submitted: 4 },
      ]),
    ).toBe(87.5);
    expect(complianceOf([{ expected: 0, submitted: 0 }])).toBeNull();
  });

  it('rounds to one decimal', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 0)).toBeNull();
  });
});

describe('week completion', () => {
  it('given a Monday morning before the window opens, then today is not counted (nothing expected yet)', () => {
    const week = weekCompletionOf({
      days: [day('2026-11-16', true, false)],
      today: '2026-11-16',
      todayWindowOpened: false,
      assignedOn: '2026-10-01',
    });
    expect(week).toEqual({
      from: '2026-11-16',
      to: '2026-11-16',
      expected: 0,
      submitted: 0,
      completion: null,
    });
  });

  it('given the window has opened on Monday, then today counts as expected', () => {
    const week = weekCompletionOf({
      days: [day('2026-11-16', true, false)],
      today: '2026-11-16',
      todayWindowOpened: true,
      assignedOn: null,
    });
    expect(week.expected).toBe(1);
    expect(week.completion).toBe(0);
  });

  it('given Wednesday with Monday done, Tuesday missed and today checked in before counting, then 2 of 3', () => {
    const week = weekCompletionOf({
      days: [
        day('2026-11-15', true, false), // last Sunday: another week
        day('2026-11-16', true, true),
        day('2026-11-17', true, false),
        day('2026-11-18', true, true),
      ],
      today: '2026-11-18',
      todayWindowOpened: false,
      assignedOn: null,
    });
    expect(week).toMatchObject({ from: '2026-11-16', expected: 3, submitted: 2, completion: 66.7 });
  });

  it('given an assignment on Tuesday, then the week starts on Wednesday', () => {
    const week = weekCompletionOf({
      days: [day('2026-11-18', true, true)],
      today: '2026-11-18',
      todayWindowOpened: true,
      assignedOn: '2026-11-17',
    });
    expect(week).toMatchObject({ from: '2026-11-18', expected: 1, submitted: 1, completion: 100 });
  });

  it('finds the Monday of a Sunday', () => {
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
  });
});

describe('periods', () => {
  it('given a team created mid-period, then the period starts on its first day', () => {
    expect(periodStart('2026-11-30', 30, '2026-11-20')).toBe('2026-11-20');
  });

  it('given an older team, then the period is the full length ending today', () => {
    expect(periodStart('2026-11-30', 7, '2026-01-01')).toBe('2026-11-24');
    expect(periodStart('2026-11-30', 90, null)).toBe('2026-09-02');
  });
});

describe('worst and best days', () => {
  it('ranks days with someone expected by compliance, ties by average readiness', () => {
    const days = [
      { date: '2026-11-21', expected: 0, compliance: null, averageReadiness: null },
      { date: '2026-11-23', expected: 4, compliance: 50, averageReadiness: 70 },
      { date: '2026-11-24', expected: 4, compliance: 50, averageReadiness: 60 },
      { date: '2026-11-25', expected: 4, compliance: 100, averageReadiness: 80 },
    ];
    const { worst, best } = worstAndBestDays(days, '2026-11-26');
    expect(worst?.date).toBe('2026-11-24');
    expect(best?.date).toBe('2026-11-25');
    expect(worstAndBestDays(days.slice(0, 1), '2026-11-26')).toEqual({ worst: null, best: null });
  });

  it('leaves today out: on a morning before anyone checked in it is not the worst day', () => {
    const days = [
      { date: '2026-11-24', expected: 4, compliance: 75, averageReadiness: 70 },
      { date: '2026-11-25', expected: 4, compliance: 0, averageReadiness: null },
    ];
    expect(worstAndBestDays(days, '2026-11-25').worst?.date).toBe('2026-11-24');
    expect(worstAndBestDays(days, '2026-11-26').worst?.date).toBe('2026-11-25');
  });
});
