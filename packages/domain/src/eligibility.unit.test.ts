import { describe, expect, it } from 'vitest';
import { type CheckInWindowInput, checkInDayStatus, evaluateCheckInWindow } from './eligibility.ts';
import { DEFAULT_SCHEDULE, resolveSchedule } from './schedule.ts';

// Europe/Berlin is UTC+01:00 in January. 2026-01-12 is a Monday, 2026-01-17 a Saturday.
const berlin = (local: string): Date => new Date(`${local}:00+01:00`);

const given = (overrides: Partial<CheckInWindowInput> = {}): CheckInWindowInput => ({
  now: berlin('2026-01-12T08:00'),
  timeZone: 'Europe/Berlin',
  schedule: DEFAULT_SCHEDULE,
  holidays: [],
  person: { isActive: true, teamId: 'team-1' },
  team: { isActive: true },
  ...overrides,
});

describe('evaluateCheckInWindow: rejections', () => {
  it.each([
    {
      code: 'PERSON_INACTIVE',
      input: given({ person: { isActive: false, teamId: 'team-1' } }),
      message: 'Your account is inactive, so you cannot check in',
    },
    {
      code: 'NO_TEAM',
      input: given({ person: { isActive: true, teamId: null }, team: null }),
      message: 'You are not assigned to a team, so there is no check-in for you',
    },
    {
      code: 'TEAM_INACTIVE',
      input: given({ team: { isActive: false } }),
      message: 'Your team is inactive, so check-ins are paused',
    },
    {
      code: 'HOLIDAY',
      input: given({
        holidays: [{ date: '2026-01-12', name: 'Plant shutdown', recurring: false }],
      }),
      message: 'Today is a company holiday: Plant shutdown',
    },
    {
      code: 'NON_WORK_DAY',
      input: given({ now: berlin('2026-01-17T08:00') }),
      message: 'Today is not one of your work days',
      localDate: '2026-01-17',
    },
    {
      code: 'WINDOW_NOT_OPEN',
      input: given({ now: berlin('2026-01-12T05:59') }),
      message: 'Check-in opens at 06:00',
    },
  ])(
    'given only $code applies, then it is rejected with its code and message',
    ({ code, input, message, localDate = '2026-01-12' }) => {
      expect(evaluateCheckInWindow(input)).toEqual({ allowed: false, code, message, localDate });
    },
  );

  it('given a team id whose team was not found, then it is NO_TEAM', () => {
    expect(evaluateCheckInWindow(given({ team: null }))).toMatchObject({ code: 'NO_TEAM' });
  });

  it('given a recurring holiday from an earlier year, then it matches the same month-day', () => {
    const holidays = [{ date: '2019-12-25', name: 'Christmas Day', recurring: true }];

    const result = evaluateCheckInWindow(given({ now: berlin('2026-12-25T08:00'), holidays }));

    expect(result).toEqual({
      allowed: false,
      code: 'HOLIDAY',
      message: 'Today is a company holiday: Christmas Day',
      localDate: '2026-12-25',
    });
  });

  it('given a one-off holiday from an earlier year, then it does not recur', () => {
    const holidays = [{ date: '2025-12-25', name: 'Christmas 2025', recurring: false }];

    const result = evaluateCheckInWindow(given({ now: berlin('2026-12-25T08:00'), holidays }));

    expect(result.allowed).toBe(true);
  });
});

describe('evaluateCheckInWindow: priority when several rejections apply', () => {
  // Saturday 05:00, a holiday, inactive person without an (active) team: everything fails.
  const everythingWrong = {
    now: berlin('2026-01-17T05:00'),
    holidays: [{ date: '2026-01-17', name: 'Founders Day', recurring: false }],
    person: { isActive: false, teamId: null },
    team: { isActive: false },
  };

  it.each([
    { fixed: [], expected: 'PERSON_INACTIVE' },
    { fixed: ['person'], expected: 'NO_TEAM' },
    { fixed: ['person', 'team id'], expected: 'TEAM_INACTIVE' },
    { fixed: ['person', 'team id', 'team'], expected: 'HOLIDAY' },
    { fixed: ['person', 'team id', 'team', 'holiday'], expected: 'NON_WORK_DAY' },
    { fixed: ['person', 'team id', 'team', 'holiday', 'day'], expected: 'WINDOW_NOT_OPEN' },
  ])('given everything wrong except $fixed, then the code is $expected', ({ fixed, expected }) => {
    const input = given({
      ...everythingWrong,
      person: {
        isActive: fixed.includes('person'),
        teamId: fixed.includes('team id') ? 'team-1' : null,
      },
      team: { isActive: fixed.includes('team') },
      holidays: fixed.includes('holiday') ? [] : everythingWrong.holidays,
      // Work days that include Saturday leave only the early hour wrong.
      schedule: fixed.includes('day')
        ? resolveSchedule(DEFAULT_SCHEDULE, { workDays: [6] })
        : DEFAULT_SCHEDULE,
    });

    expect(evaluateCheckInWindow(input)).toMatchObject({ allowed: false, code: expected });
  });
});

describe('evaluateCheckInWindow: window boundaries (06:00–10:00)', () => {
  const onTime = { allowed: true, isLate: false, minutesLate: 0 };
  const late = (minutesLate: number) => ({ allowed: true, isLate: true, minutesLate });

  it.each([
    { local: '05:59', expected: { allowed: false, code: 'WINDOW_NOT_OPEN' } },
    { local: '06:00', expected: onTime },
    { local: '08:00', expected: onTime },
    // The closing minute itself is on time; lateness is counted in whole minutes after it.
    { local: '10:00', expected: onTime },
    { local: '10:01', expected: late(1) },
    { local: '10:25', expected: late(25) },
    { local: '23:59', expected: late(839) },
  ])('given a check-in at $local, then the result is $expected', ({ local, expected }) => {
    const result = evaluateCheckInWindow(given({ now: berlin(`2026-01-12T${local}`) }));

    expect(result).toMatchObject({ ...expected, localDate: '2026-01-12' });
  });

  it('given an allowed check-in, then it reports the window it was judged against', () => {
    expect(evaluateCheckInWindow(given({ now: berlin('2026-01-12T10:01') }))).toEqual({
      allowed: true,
      localDate: '2026-01-12',
      isLate: true,
      minutesLate: 1,
      windowOpensAt: '06:00',
      windowClosesAt: '10:00',
    });
  });

  it('given 10:00:59, then it is still within the closing minute and not late', () => {
    const result = evaluateCheckInWindow(given({ now: new Date('2026-01-12T10:00:59+01:00') }));

    expect(result).toMatchObject({ allowed: true, isLate: false, minutesLate: 0 });
  });
});

describe('evaluateCheckInWindow: personal override of a single field', () => {
  it('given the team closes at 10:00 but the person at 12:00, then 11:00 is on time', () => {
    const schedule = resolveSchedule(DEFAULT_SCHEDULE, { windowEnd: '12:00' });

    const result = evaluateCheckInWindow(given({ now: berlin('2026-01-12T11:00'), schedule }));

    expect(result).toMatchObject({
      allowed: true,
      isLate: false,
      windowOpensAt: '06:00',
      windowClosesAt: '12:00',
    });
  });

  it('given the person starts at 08:00, then 07:00 is too early though the team is open', () => {
    const schedule = resolveSchedule(DEFAULT_SCHEDULE, { windowStart: '08:00' });

    const result = evaluateCheckInWindow(given({ now: berlin('2026-01-12T07:00'), schedule }));

    expect(result).toMatchObject({ code: 'WINDOW_NOT_OPEN', message: 'Check-in opens at 08:00' });
  });

  it('given the person works Saturdays only, then Saturday is open and Monday is not', () => {
    const schedule = resolveSchedule(DEFAULT_SCHEDULE, { workDays: [6] });

    expect(
      evaluateCheckInWindow(given({ now: berlin('2026-01-17T08:00'), schedule })),
    ).toMatchObject({ allowed: true, localDate: '2026-01-17' });
    expect(
      evaluateCheckInWindow(given({ now: berlin('2026-01-12T08:00'), schedule })),
    ).toMatchObject({ code: 'NON_WORK_DAY' });
  });
});

describe('evaluateCheckInWindow: the company timezone decides the day', () => {
  it('given Los Angeles at 16:30 UTC Monday, then it is 09:30 local, open', () => {
    const result = evaluateCheckInWindow(
      given({ now: new Date('2026-06-15T16:30:00Z'), timeZone: 'America/Los_Angeles' }),
    );

    expect(result).toMatchObject({ allowed: true, localDate: '2026-06-15', isLate: false });
  });

  it('given Los Angeles at 03:00 UTC Tuesday, then it is still Monday evening there, late', () => {
    const result = evaluateCheckInWindow(
      given({ now: new Date('2026-06-16T03:00:00Z'), timeZone: 'America/Los_Angeles' }),
    );

    // 20:00 local is 600 minutes after the 10:00 close.
    expect(result).toMatchObject({ allowed: true, localDate: '2026-06-15', minutesLate: 600 });
  });

  it('given Auckland at 20:00 UTC Monday, then it is Tuesday 08:00 there, open', () => {
    const result = evaluateCheckInWindow(
      given({ now: new Date('2026-06-15T20:00:00Z'), timeZone: 'Pacific/Auckland' }),
    );

    expect(result).toMatchObject({ allowed: true, localDate: '2026-06-16', isLate: false });
  });

  it.each([
    // Monday after Berlin sprang forward (now +02:00): 06:00 local is 04:00 UTC.
    { zone: 'Europe/Berlin', instant: '2026-03-30T03:59:00Z', allowed: false },
    { zone: 'Europe/Berlin', instant: '2026-03-30T04:00:00Z', allowed: true },
    // Monday after New York fell back (now −05:00): 06:00 local is 11:00 UTC.
    { zone: 'America/New_York', instant: '2026-11-02T10:59:00Z', allowed: false },
    { zone: 'America/New_York', instant: '2026-11-02T11:00:00Z', allowed: true },
  ])(
    'given $instant after a DST change in $zone, then allowed is $allowed',
    ({ zone, instant, allowed }) => {
      expect(evaluateCheckInWindow(given({ now: new Date(instant), timeZone: zone })).allowed).toBe(
        allowed,
      );
    },
  );
});

describe('checkInDayStatus', () => {
  it.each([
    {
      status: 'holiday',
      at: '2026-01-12T08:00',
      message: 'Today is a company holiday: Plant shutdown',
      minutesLate: 0,
    },
    {
      status: 'non_work_day',
      at: '2026-01-18T08:00',
      message: 'Today is not one of your work days',
      minutesLate: 0,
    },
    {
      status: 'before_window',
      at: '2026-01-13T05:00',
      message: 'Check-in opens at 06:00',
      minutesLate: 0,
    },
    {
      status: 'open',
      at: '2026-01-13T09:00',
      message: 'Check-in is open until 10:00',
      minutesLate: 0,
    },
    {
      status: 'closed_late_allowed',
      at: '2026-01-13T10:01',
      message: 'Check-in closed at 10:00; you can still check in, marked 1 minute late',
      minutesLate: 1,
    },
    {
      status: 'closed_late_allowed',
      at: '2026-01-13T10:45',
      message: 'Check-in closed at 10:00; you can still check in, marked 45 minutes late',
      minutesLate: 45,
    },
  ])('given $at, then the status is $status', ({ status, at, message, minutesLate }) => {
    const result = checkInDayStatus({
      now: berlin(at),
      timeZone: 'Europe/Berlin',
      schedule: DEFAULT_SCHEDULE,
      holidays: [{ date: '2026-01-12', name: 'Plant shutdown', recurring: false }],
    });

    expect(result).toMatchObject({ status, message, minutesLate, localDate: at.slice(0, 10) });
  });

  it('given a holiday on a weekend, then holiday wins over non-work day', () => {
    const result = checkInDayStatus({
      now: berlin('2026-01-17T08:00'),
      timeZone: 'Europe/Berlin',
      schedule: DEFAULT_SCHEDULE,
      holidays: [{ date: '2026-01-17', name: 'Founders Day', recurring: false }],
    });

    expect(result).toMatchObject({ status: 'holiday', holidayName: 'Founders Day' });
  });
});
