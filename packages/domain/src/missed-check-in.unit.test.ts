import { describe, expect, it } from 'vitest';
import {
  expectationOn,
  type MissDecision,
  missDueDuring,
  missDueOn,
  type WorkerDayContext,
  type WorkerState,
  windowCloseOn,
} from './missed-check-in.ts';
import type { Schedule } from './schedule.ts';

// 2026-01-12 is a Monday, 2026-01-17 a Saturday. Berlin is UTC+01:00 in January.
const MONDAY = '2026-01-12';
const team9to10: Schedule = { windowStart: '06:00', windowEnd: '09:00', workDays: [1, 2, 3, 4, 5] };

function worker(
  overrides: {
    person?: Partial<WorkerState['person']>;
    team?: Partial<NonNullable<WorkerState['team']>> | null;
  } = {},
): WorkerState {
  return {
    person: {
      isActive: true,
      role: 'WORKER',
      teamId: 'team-1',
      teamAssignedOn: '2026-01-01',
      override: {},
      ...overrides.person,
    },
    team:
      overrides.team === null
        ? null
        : {
            id: 'team-1',
            isActive: true,
            leaderId: 'lead-1',
            schedule: team9to10,
            ...overrides.team,
          },
  };
}

function day(overrides: Partial<WorkerDayContext & { checkedIn: boolean; now: Date }> = {}) {
  return {
    date: MONDAY,
    timeZone: 'Europe/Berlin',
    holidays: [],
    leaves: [],
    checkedIn: false,
    now: new Date('2026-01-12T12:00:00+01:00'),
    ...overrides,
  };
}

const reasonOf = (decision: MissDecision) => (decision.due ? 'DUE' : decision.reason);

describe('missDueOn: who is expected', () => {
  it('given an active worker on an active team, assigned before the day, on a work day without a check-in, when the window closed hours ago, then a miss is due with the team, its lead and the schedule', () => {
    expect(missDueOn(worker(), day())).toEqual({
      due: true,
      teamId: 'team-1',
      leaderId: 'lead-1',
      schedule: team9to10,
      windowClosedAt: new Date('2026-01-12T08:00:00Z'),
    });
  });

  it('given the worker checked in that day, then no miss is due', () => {
    expect(reasonOf(missDueOn(worker(), day({ checkedIn: true })))).toBe('CHECKED_IN');
  });

  it.each([
    {
      given: 'an inactive person',
      state: worker({ person: { isActive: false } }),
      reason: 'PERSON_INACTIVE',
    },
    {
      given: 'a team lead',
      state: worker({ person: { role: 'TEAM_LEAD' } }),
      reason: 'NOT_A_WORKER',
    },
    {
      given: 'a worker without a team',
      state: worker({ person: { teamId: null }, team: null }),
      reason: 'NO_TEAM',
    },
    {
      given: 'an inactive team',
      state: worker({ team: { isActive: false } }),
      reason: 'TEAM_INACTIVE',
    },
  ])('given $given, then they are not expected ($reason)', ({ state, reason }) => {
    expect(reasonOf(missDueOn(state, day()))).toBe(reason);
  });

  it('given a worker assigned to the team that very day, then no miss is due (the assignment takes effect the next day)', () => {
    const state = worker({ person: { teamAssignedOn: MONDAY } });
    expect(reasonOf(missDueOn(state, day()))).toBe('ASSIGNED_THAT_DAY_OR_LATER');
  });

  it('given a worker assigned the day before, then the miss is due', () => {
    const state = worker({ person: { teamAssignedOn: '2026-01-11' } });
    expect(reasonOf(missDueOn(state, day()))).toBe('DUE');
  });

  it('given a worker whose assignment day was never recorded, then the day is not excused by it', () => {
    const state = worker({ person: { teamAssignedOn: null } });
    expect(reasonOf(missDueOn(state, day()))).toBe('DUE');
  });
});

describe('missDueOn: which days', () => {
  it('given a Saturday and a Monday-to-Friday team, when the window has long closed, then no miss is due', () => {
    const saturday = day({ date: '2026-01-17', now: new Date('2026-01-17T20:00:00+01:00') });
    expect(reasonOf(missDueOn(worker(), saturday))).toBe('NON_WORK_DAY');
  });

  it('given a personal override of the work days that includes Saturday, then the Saturday miss is due', () => {
    const state = worker({ person: { override: { workDays: [6] } } });
    const saturday = day({ date: '2026-01-17', now: new Date('2026-01-17T20:00:00+01:00') });
    expect(reasonOf(missDueOn(state, saturday))).toBe('DUE');
    expect(reasonOf(missDueOn(state, day()))).toBe('NON_WORK_DAY');
  });

  it('given a company holiday on that date, then no miss is due', () => {
    const holidays = [{ date: MONDAY, name: 'Plant shutdown', recurring: false }];
    expect(reasonOf(missDueOn(worker(), day({ holidays })))).toBe('HOLIDAY');
  });

  it('given a recurring holiday set in an earlier year on the same month and day, then no miss is due', () => {
    const holidays = [{ date: '2019-01-12', name: 'Founders day', recurring: true }];
    expect(reasonOf(missDueOn(worker(), day({ holidays })))).toBe('HOLIDAY');
  });

  it('given a fixed holiday of an earlier year on the same month and day, then the miss is due', () => {
    const holidays = [{ date: '2019-01-12', name: 'Once', recurring: false }];
    expect(reasonOf(missDueOn(worker(), day({ holidays })))).toBe('DUE');
  });

  it('given a leave that covers the day (first, middle and last day), then no miss is due', () => {
    for (const leave of [
      { startDate: MONDAY, endDate: '2026-01-14' },
      { startDate: '2026-01-10', endDate: '2026-01-14' },
      { startDate: '2026-01-05', endDate: MONDAY },
    ]) {
      expect(reasonOf(missDueOn(worker(), day({ leaves: [leave] })))).toBe('ON_LEAVE');
    }
  });

  it('given a leave that ended the day before, then the miss is due', () => {
    const leaves = [{ startDate: '2026-01-05', endDate: '2026-01-11' }];
    expect(reasonOf(missDueOn(worker(), day({ leaves })))).toBe('DUE');
  });
});

describe('missDueOn: when the window closed', () => {
  const at = (local: string) => day({ now: new Date(`${MONDAY}T${local}+01:00`) });

  it('given a 09:00 window end, when it is exactly 5 minutes later, then the miss is not due yet', () => {
    expect(reasonOf(missDueOn(worker(), at('09:05:00.000')))).toBe('WINDOW_NOT_CLOSED');
  });

  it('given a 09:00 window end, when it is just over 5 minutes later, then the miss is due', () => {
    expect(reasonOf(missDueOn(worker(), at('09:05:00.001')))).toBe('DUE');
  });

  it('given a personal window ending at 07:00 in a team whose window ends at 09:00, then the miss is due at 07:05 and carries the personal window', () => {
    const state = worker({ person: { override: { windowStart: '05:00', windowEnd: '07:00' } } });
    const decision = missDueOn(state, at('07:06:00'));
    expect(decision).toMatchObject({
      due: true,
      schedule: { windowStart: '05:00', windowEnd: '07:00', workDays: [1, 2, 3, 4, 5] },
      windowClosedAt: new Date('2026-01-12T06:00:00Z'),
    });
    expect(reasonOf(missDueOn(worker(), at('07:06:00')))).toBe('WINDOW_NOT_CLOSED');
  });
});

describe('missDueOn: the DST days in Europe/London', () => {
  // The clocks go forward on Sunday 2026-03-29 and back on Sunday 2026-10-25.
  const everyDay = { ...team9to10, workDays: [1, 2, 3, 4, 5, 6, 7] as const };
  const state = worker({ team: { schedule: { ...everyDay, workDays: [...everyDay.workDays] } } });
  const london = (date: string, now: string) =>
    day({ date, timeZone: 'Europe/London', now: new Date(now) });

  it.each([
    { date: '2026-03-28', closes: '2026-03-28T09:00:00.000Z', note: 'the Saturday before, GMT' },
    { date: '2026-03-29', closes: '2026-03-29T08:00:00.000Z', note: 'the day clocks go forward' },
    { date: '2026-03-30', closes: '2026-03-30T08:00:00.000Z', note: 'the Monday after, BST' },
    { date: '2026-10-24', closes: '2026-10-24T08:00:00.000Z', note: 'the Saturday before, BST' },
    { date: '2026-10-25', closes: '2026-10-25T09:00:00.000Z', note: 'the day clocks go back' },
    { date: '2026-10-26', closes: '2026-10-26T09:00:00.000Z', note: 'the Monday after, GMT' },
  ])('given a 09:00 window end on $date ($note), then it closes at $closes', ({ date, closes }) => {
    expect(windowCloseOn(date, everyDay, 'Europe/London').toISOString()).toBe(closes);
  });

  it('given the day clocks go forward, when it is 08:05Z (09:05 BST), then the miss is not due; at 08:05:01Z it is', () => {
    expect(reasonOf(missDueOn(state, london('2026-03-29', '2026-03-29T08:05:00Z')))).toBe(
      'WINDOW_NOT_CLOSED',
    );
    expect(reasonOf(missDueOn(state, london('2026-03-29', '2026-03-29T08:05:01Z')))).toBe('DUE');
  });

  it('given the day clocks go back, when it is 08:06Z (08:06 GMT, past the buffer on a summer clock), then the miss is not due; after 09:05Z it is', () => {
    expect(reasonOf(missDueOn(state, london('2026-10-25', '2026-10-25T08:06:00Z')))).toBe(
      'WINDOW_NOT_CLOSED',
    );
    expect(reasonOf(missDueOn(state, london('2026-10-25', '2026-10-25T09:05:00Z')))).toBe(
      'WINDOW_NOT_CLOSED',
    );
    expect(reasonOf(missDueOn(state, london('2026-10-25', '2026-10-25T09:05:01Z')))).toBe('DUE');
  });
});

describe('missDueOn: a company west of UTC (America/Los_Angeles, UTC-8 in January)', () => {
  const la = (date: string, now: string) =>
    day({ date, timeZone: 'America/Los_Angeles', now: new Date(now) });

  it('given Monday evening in Los Angeles (already Tuesday in UTC), then Monday’s miss is due and Tuesday’s is not', () => {
    const evening = '2026-01-13T03:00:00Z'; // 19:00 on Monday 12 January in Los Angeles
    expect(windowCloseOn(MONDAY, team9to10, 'America/Los_Angeles').toISOString()).toBe(
      '2026-01-12T17:00:00.000Z',
    );
    expect(reasonOf(missDueOn(worker(), la(MONDAY, evening)))).toBe('DUE');
    expect(reasonOf(missDueOn(worker(), la('2026-01-13', evening)))).toBe('WINDOW_NOT_CLOSED');
  });

  it('given Friday evening in Los Angeles (Saturday in UTC), then Friday counts as the work day it is locally', () => {
    const fridayEvening = '2026-01-17T02:00:00Z'; // 18:00 on Friday 16 January
    expect(reasonOf(missDueOn(worker(), la('2026-01-16', fridayEvening)))).toBe('DUE');
    expect(reasonOf(missDueOn(worker(), la('2026-01-17', '2026-01-18T02:00:00Z')))).toBe(
      'NON_WORK_DAY',
    );
  });
});

describe('expectationOn', () => {
  it('given an expected worker, then it names the team, its lead and the resolved schedule', () => {
    const state = worker({ person: { override: { windowEnd: '08:30' } } });
    expect(expectationOn(state, day())).toEqual({
      expected: true,
      teamId: 'team-1',
      leaderId: 'lead-1',
      schedule: { ...team9to10, windowEnd: '08:30' },
    });
  });

  it('given a state whose team is not the person’s team, then they count as having no team', () => {
    expect(expectationOn(worker({ team: { id: 'other' } }), day())).toEqual({
      expected: false,
      reason: 'NO_TEAM',
    });
  });
});

describe('missDueDuring: the state changed during the day', () => {
  const berlin = (hhmm: string) => new Date(`${MONDAY}T${hhmm}:00+01:00`);
  const startOfDay = berlin('00:00');

  it('given the worker was deactivated at 15:00, after the 09:00 window had closed, when judged in the evening, then the miss is due on the state before', () => {
    const states = [
      { from: startOfDay, state: worker() },
      { from: berlin('15:00'), state: worker({ person: { isActive: false } }) },
    ];
    expect(missDueDuring(states, day({ now: berlin('20:00') }))).toMatchObject({ due: true });
  });

  it('given the worker was deactivated at 09:04, within the buffer, then no miss is due', () => {
    const states = [
      { from: startOfDay, state: worker() },
      { from: berlin('09:04'), state: worker({ person: { isActive: false } }) },
    ];
    expect(reasonOf(missDueDuring(states, day({ now: berlin('20:00') })))).toBe('PERSON_INACTIVE');
  });

  it('given the team window moved from 09:00 to 16:00 at 08:00, when it is 12:00, then no miss is due yet; at 16:06 it is, with the new window', () => {
    const later = { ...team9to10, windowStart: '12:00', windowEnd: '16:00' };
    const states = [
      { from: startOfDay, state: worker() },
      { from: berlin('08:00'), state: worker({ team: { schedule: later } }) },
    ];
    expect(reasonOf(missDueDuring(states, day({ now: berlin('12:00') })))).toBe(
      'WINDOW_NOT_CLOSED',
    );
    expect(missDueDuring(states, day({ now: berlin('16:06') }))).toMatchObject({
      due: true,
      schedule: later,
    });
  });

  it('given the window moved at 10:00 from 09:00 to 16:00, after the miss was due, then the miss keeps the 09:00 window', () => {
    const later = { ...team9to10, windowStart: '12:00', windowEnd: '16:00' };
    const states = [
      { from: startOfDay, state: worker() },
      { from: berlin('10:00'), state: worker({ team: { schedule: later } }) },
    ];
    expect(missDueDuring(states, day({ now: berlin('11:00') }))).toMatchObject({
      due: true,
      schedule: team9to10,
    });
  });

  it('given the window moved at 10:00 from 16:00 to one that ended at 07:00, then the miss is due from then, on the new window', () => {
    const early = { ...team9to10, windowStart: '05:00', windowEnd: '07:00' };
    const late = { ...team9to10, windowStart: '12:00', windowEnd: '16:00' };
    const states = [
      { from: startOfDay, state: worker({ team: { schedule: late } }) },
      { from: berlin('10:00'), state: worker({ team: { schedule: early } }) },
    ];
    expect(missDueDuring(states, day({ now: berlin('10:01') }))).toMatchObject({
      due: true,
      schedule: early,
    });
  });

  it('given a state that begins after now, then it is not read', () => {
    const states = [
      { from: startOfDay, state: worker({ person: { isActive: false } }) },
      { from: berlin('21:00'), state: worker() },
    ];
    expect(reasonOf(missDueDuring(states, day({ now: berlin('20:00') })))).toBe('PERSON_INACTIVE');
  });

  it('given no state at all (the person did not exist that day), then no miss is due', () => {
    expect(missDueDuring([], day()).due).toBe(false);
  });
});
