import { describe, expect, it } from 'vitest';
import { toLocalTime } from './local-time.ts';
import { instantOfLocalTime, startOfLocalDate } from './missed-check-in-time.ts';

const iso = (date: string, hhmm: string, zone: string) =>
  instantOfLocalTime(date, hhmm, zone).toISOString();

describe('instantOfLocalTime', () => {
  it('given the same question twice, then the remembered answer is the same and each caller gets its own Date', () => {
    const first = instantOfLocalTime('2026-03-29', '01:30', 'Europe/London');
    first.setTime(0);
    const again = instantOfLocalTime('2026-03-29', '01:30', 'Europe/London');
    expect(again.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(again).not.toBe(instantOfLocalTime('2026-03-29', '01:30', 'Europe/London'));
    expect(() => instantOfLocalTime('2026-03-29', '01:30', 'Mars/Olympus')).toThrow(RangeError);
  });

  it('given an ordinary day, then it reads the zone’s offset of that day', () => {
    expect(iso('2026-01-12', '09:00', 'Europe/Berlin')).toBe('2026-01-12T08:00:00.000Z');
    expect(iso('2026-07-12', '09:00', 'Europe/Berlin')).toBe('2026-07-12T07:00:00.000Z');
    expect(iso('2026-01-12', '23:59', 'America/Los_Angeles')).toBe('2026-01-13T07:59:00.000Z');
    expect(iso('2026-01-12', '09:00', 'Asia/Kolkata')).toBe('2026-01-12T03:30:00.000Z');
    expect(iso('2026-01-12', '00:00', 'UTC')).toBe('2026-01-12T00:00:00.000Z');
  });

  it('given a time skipped when London’s clocks go forward (01:30 on 2026-03-29), then it is read just after the gap (02:30 BST)', () => {
    expect(iso('2026-03-29', '01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    expect(iso('2026-03-29', '00:59', 'Europe/London')).toBe('2026-03-29T00:59:00.000Z');
    expect(iso('2026-03-29', '02:00', 'Europe/London')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('given a time that happens twice when London’s clocks go back (01:30 on 2026-10-25), then it is the first one (BST)', () => {
    expect(iso('2026-10-25', '01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    expect(iso('2026-10-25', '02:00', 'Europe/London')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('given any minute of a year in several zones, then reading it back gives the same local date and time', () => {
    for (const zone of ['Europe/London', 'America/Los_Angeles', 'Australia/Lord_Howe']) {
      for (let day = 0; day < 366; day += 7) {
        const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
        for (const hhmm of ['00:00', '03:15', '09:00', '23:59']) {
          const local = toLocalTime(instantOfLocalTime(date, hhmm, zone), zone);
          // Only the skipped hour of a spring-forward day may differ, and none of these times is in it.
          expect({ date: local.date, time: local.time }).toEqual({ date, time: hhmm });
        }
      }
    }
  });
});

describe('startOfLocalDate', () => {
  it('given a zone west of UTC, then the local day starts on the UTC day’s afternoon or evening', () => {
    expect(startOfLocalDate('2026-01-12', 'America/Los_Angeles').toISOString()).toBe(
      '2026-01-12T08:00:00.000Z',
    );
  });

  it('given a zone whose clocks skip midnight (America/Santiago, 2026-09-06), then the day starts at 01:00 local', () => {
    const start = startOfLocalDate('2026-09-06', 'America/Santiago');
    expect(toLocalTime(start, 'America/Santiago')).toMatchObject({
      date: '2026-09-06',
      time: '01:00',
    });
  });
});
