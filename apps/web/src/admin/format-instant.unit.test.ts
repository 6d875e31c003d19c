import { describe, expect, it } from 'vitest';
import { endOfLocalDay, formatInstant, startOfLocalDay } from './format-instant.ts';

describe('formatInstant', () => {
  it("shows the company's wall clock, not the browser's", () => {
    expect(formatInstant('2026-03-02T01:30:00Z', 'Australia/Sydney')).toBe('2 Mar 2026, 12:30');
    expect(formatInstant('2026-03-02T01:30:00Z', 'America/New_York')).toBe('1 Mar 2026, 20:30');
  });

  it('keeps something readable for a broken value or zone', () => {
    expect(formatInstant('not a date', 'UTC')).toBe('not a date');
    expect(formatInstant('2026-03-02T01:30:00Z', 'Not/A_Zone')).toMatch(/2026/);
  });
});

describe('startOfLocalDay and endOfLocalDay', () => {
  it('bound a local date in the given zone', () => {
    expect(startOfLocalDay('2026-03-02', 'Europe/Berlin')).toBe('2026-03-01T23:00:00.000Z');
    expect(endOfLocalDay('2026-03-02', 'Europe/Berlin')).toBe('2026-03-02T22:59:59.999Z');
    expect(startOfLocalDay('2026-03-02', 'UTC')).toBe('2026-03-02T00:00:00.000Z');
  });

  it('handle the days the clocks change', () => {
    // Berlin moves from +01:00 to +02:00 on 29 March 2026: that day has 23 hours.
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfLocalDay('2026-03-29', 'Europe/Berlin')).toBe('2026-03-29T21:59:59.999Z');
    expect(startOfLocalDay('2026-10-04', 'Australia/Sydney')).toBe('2026-10-03T14:00:00.000Z');
  });

  it('answer null for a value that is not a date', () => {
    expect(startOfLocalDay('', 'UTC')).toBeNull();
    expect(endOfLocalDay('2026-3-2', 'UTC')).toBeNull();
  });
});
