import { describe, expect, it } from 'vitest';
import {
  formatFactorScore,
  formatHours,
  formatLocalDate,
  formatTimeIn,
  lateLabel,
} from './format.ts';

describe('formatLocalDate', () => {
  it('prints the calendar day as it is, whatever the browser zone', () => {
    expect(formatLocalDate('2026-03-02')).toBe('Mon, 2 Mar 2026');
    expect(formatLocalDate('2026-12-31', 'short')).toBe('31 Dec');
  });

  it('shows an unreadable date as it came', () => {
    expect(formatLocalDate('not-a-date')).toBe('not-a-date');
  });
});

describe('formatTimeIn', () => {
  it("reads the time on the company's clock", () => {
    expect(formatTimeIn('2026-03-02T07:14:00Z', 'Europe/Berlin')).toBe('08:14');
    expect(formatTimeIn('2026-03-02T07:14:00Z', 'America/New_York')).toBe('02:14');
  });

  it('still prints a time for an unknown zone', () => {
    expect(formatTimeIn('2026-03-02T07:14:00Z', 'Not/A_Zone')).toMatch(/^\d{2}:\d{2}$/);
  });
});

describe('small labels', () => {
  it('formats hours, factor scores, lateness and pain locations', () => {
    expect(formatHours(7.5)).toBe('7.5 hours');
    expect(formatHours(1)).toBe('1 hour');
    expect(formatHours(0)).toBe('0 hours');
    expect(formatFactorScore(83.3)).toBe('83.3');
    expect(formatFactorScore(100)).toBe('100');
    expect(lateLabel(12)).toBe('Late (12 min)');
    expect(lateLabel(60)).toBe('Late (1 h)');
    expect(lateLabel(65)).toBe('Late (1 h 5 min)');
  });
});
