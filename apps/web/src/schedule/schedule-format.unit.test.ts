import { describe, expect, it } from 'vitest';
import { formatWindow, formatWorkDays, toggleDay } from './schedule-format.ts';

describe('formatWorkDays', () => {
  it('reads three or more days in a row as a range', () => {
    expect(formatWorkDays([1, 2, 3, 4, 5])).toBe('Mon–Fri');
    expect(formatWorkDays([1, 2, 3, 4, 5, 7])).toBe('Mon–Fri, Sun');
    expect(formatWorkDays([6, 7])).toBe('Sat, Sun');
  });

  it('lists scattered days one by one, in weekday order', () => {
    expect(formatWorkDays([5, 1, 3])).toBe('Mon, Wed, Fri');
  });

  it('names the whole week and the empty set', () => {
    expect(formatWorkDays([1, 2, 3, 4, 5, 6, 7])).toBe('Every day');
    expect(formatWorkDays([])).toBe('No days');
  });
});

describe('toggleDay', () => {
  it('keeps the days sorted and distinct', () => {
    expect(toggleDay([3, 1], 2, true)).toEqual([1, 2, 3]);
    expect(toggleDay([1, 2], 2, true)).toEqual([1, 2]);
    expect(toggleDay([1, 2, 3], 2, false)).toEqual([1, 3]);
  });
});

describe('formatWindow', () => {
  it('joins start and end with an en dash', () => {
    expect(formatWindow('06:00', '10:00')).toBe('06:00–10:00');
  });
});
