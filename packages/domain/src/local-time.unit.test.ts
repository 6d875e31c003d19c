import { describe, expect, it } from 'vitest';
import {
  addDays,
  canonicalTimeZone,
  daysBetween,
  formatHm,
  isValidLocalDate,
  isValidTimeZone,
  parseHm,
  toLocalTime,
  weekdayOf,
} from './local-time.ts';

describe('toLocalTime', () => {
  it.each([
    {
      why: 'just after local midnight, while UTC is still on the previous day',
      instant: '2026-03-28T23:30:00Z',
      zone: 'Europe/Berlin',
      expected: { date: '2026-03-29', weekday: 7, minutes: 30, time: '00:30' },
    },
    {
      why: 'across New Year in local time',
      instant: '2026-12-31T23:30:00Z',
      zone: 'Europe/Berlin',
      expected: { date: '2027-01-01', weekday: 5, minutes: 30, time: '00:30' },
    },
    {
      why: 'the last minute before Berlin springs forward (CET, +01:00)',
      instant: '2026-03-29T00:59:00Z',
      zone: 'Europe/Berlin',
      expected: { date: '2026-03-29', weekday: 7, minutes: 119, time: '01:59' },
    },
    {
      why: 'the first minute after Berlin springs forward: 02:00 never happens',
      instant: '2026-03-29T01:00:00Z',
      zone: 'Europe/Berlin',
      expected: { date: '2026-03-29', weekday: 7, minutes: 180, time: '03:00' },
    },
    {
      why: 'New York falls back: the first 01:30 (EDT, −04:00)',
      instant: '2026-11-01T05:30:00Z',
      zone: 'America/New_York',
      expected: { date: '2026-11-01', weekday: 7, minutes: 90, time: '01:30' },
    },
    {
      why: 'New York falls back: the second 01:30 (EST, −05:00), same local date',
      instant: '2026-11-01T06:30:00Z',
      zone: 'America/New_York',
      expected: { date: '2026-11-01', weekday: 7, minutes: 90, time: '01:30' },
    },
    {
      why: 'a company west of UTC: 03:00 UTC is still the previous local evening',
      instant: '2026-06-16T03:00:00Z',
      zone: 'America/Los_Angeles',
      expected: { date: '2026-06-15', weekday: 1, minutes: 1200, time: '20:00' },
    },
    {
      why: 'a company ahead of UTC: 20:00 UTC is already the next local morning',
      instant: '2026-06-15T20:00:00Z',
      zone: 'Pacific/Auckland',
      expected: { date: '2026-06-16', weekday: 2, minutes: 480, time: '08:00' },
    },
    {
      why: 'UTC midnight itself prints as 00:00, never 24:00',
      instant: '2026-01-12T00:00:00Z',
      zone: 'UTC',
      expected: { date: '2026-01-12', weekday: 1, minutes: 0, time: '00:00' },
    },
  ])(
    'given $instant in $zone ($why), then the wall clock is $expected.date $expected.time',
    ({ instant, zone, expected }) => {
      expect(toLocalTime(new Date(instant), zone)).toEqual(expected);
    },
  );

  it('given seconds past the minute, then they are dropped', () => {
    expect(toLocalTime(new Date('2026-01-12T10:00:59Z'), 'UTC').minutes).toBe(600);
  });

  it('given an unknown zone, then it throws a RangeError', () => {
    expect(() => toLocalTime(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('time zones', () => {
  it.each([
    ['Europe/Berlin', true],
    ['America/Los_Angeles', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
    ['+01:00', false],
    [' Europe/Berlin', false],
  ])('given %j, then isValidTimeZone is %s', (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });

  it('given a zone in the wrong case, then its canonical spelling is returned', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
  });
});

describe('calendar dates', () => {
  it.each([
    ['2026-01-12', 1, '2026-01-13'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    // The DST days are ordinary calendar days: no 23- or 25-hour surprise.
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-11-01', 1, '2026-11-02'],
    ['2026-01-12', 365, '2027-01-12'],
    ['2026-01-12', 0, '2026-01-12'],
  ])('given %s, when adding %s days, then the date is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['1970-01-01', 4],
    ['2026-01-12', 1],
    ['2026-01-17', 6],
    ['2026-01-18', 7],
    ['2000-02-29', 2],
  ])('given %s, then the ISO weekday is %s', (date, expected) => {
    expect(weekdayOf(date)).toBe(expected);
  });

  it.each([
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-1-5', false],
    ['2026-01-05', true],
  ])('given %s, then isValidLocalDate is %s', (date, expected) => {
    expect(isValidLocalDate(date)).toBe(expected);
  });

  it('given a malformed date, then addDays throws rather than guessing', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('HH:mm', () => {
  it.each([
    ['00:00', 0],
    ['06:30', 390],
    ['10:00', 600],
    ['23:59', 1439],
  ])('given %s, then it is %s minutes after midnight and formats back', (hm, minutes) => {
    expect(parseHm(hm)).toBe(minutes);
    expect(formatHm(minutes)).toBe(hm);
  });

  it.each(['24:00', '6:30', '06:60', '', '06:30:00'])('given %j, then parseHm throws', (hm) => {
    expect(() => parseHm(hm)).toThrow(RangeError);
  });

  it.each([-1, 1440, 1.5])('given %s minutes, then formatHm throws', (minutes) => {
    expect(() => formatHm(minutes)).toThrow(RangeError);
  });
});
