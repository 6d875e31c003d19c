import { describe, expect, it } from 'vitest';
import { describeMemberToday, rollCall } from './member-status.ts';

const checkedIn = {
  status: 'checked_in',
  checkInId: '0f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
  readinessScore: 86,
  level: 'GREEN',
  isLate: false,
  minutesLate: 0,
  submittedAt: '2026-03-02T07:14:00.000Z',
} as const;

describe('describeMemberToday', () => {
  it('says when someone checked in, on the company clock, and how late', () => {
    expect(describeMemberToday(checkedIn, 'Europe/Berlin')).toEqual({
      label: 'Checked in',
      tone: 'green',
      detail: 'At 08:14',
    });
    const late = { ...checkedIn, isLate: true, minutesLate: 75 };
    expect(describeMemberToday(late, 'Europe/Berlin').detail).toBe('At 08:14 · Late (1 h 15 min)');
  });

  it('tells waiting from missing', () => {
    expect(
      describeMemberToday(
        { status: 'not_yet', windowOpensAt: '06:00', windowClosesAt: '10:00' },
        'UTC',
      ),
    ).toEqual({ label: 'Not yet', tone: 'sky', detail: 'Window 06:00–10:00' });
    expect(
      describeMemberToday({ status: 'late', windowClosesAt: '10:00', minutesLate: 20 }, 'UTC'),
    ).toEqual({ label: 'Overdue', tone: 'amber', detail: 'Window closed at 10:00, 20 min ago' });
    expect(
      describeMemberToday({ status: 'late', windowClosesAt: '10:00', minutesLate: 185 }, 'UTC')
        .detail,
    ).toBe('Window closed at 10:00, 3 h 5 min ago');
  });

  it('on a past day (a roster as of a date), a closed window without a check-in is none, not "ago"', () => {
    expect(
      describeMemberToday({ status: 'late', windowClosesAt: '18:00', minutesLate: 359 }, 'UTC', {
        pastDay: true,
      }),
    ).toEqual({ label: 'No check-in', tone: 'amber', detail: 'Window closed at 18:00' });
  });

  it('names days nobody is expected', () => {
    expect(describeMemberToday({ status: 'not_due', reason: 'holiday' }, 'UTC').label).toBe(
      'Holiday',
    );
    expect(describeMemberToday({ status: 'not_due', reason: 'non_work_day' }, 'UTC').label).toBe(
      'Day off',
    );
  });

  it('says who is on leave, and until when, and whose miss is open', () => {
    const leave = {
      status: 'on_leave',
      leaveId: '1f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
      type: 'SICK',
      startDate: '2026-03-02',
      endDate: '2026-03-04',
    } as const;
    expect(describeMemberToday(leave, 'UTC')).toEqual({
      label: 'On leave',
      tone: 'teal',
      detail: 'Sick leave until Wed, 4 Mar 2026',
    });
    expect(describeMemberToday({ ...leave, endDate: '2026-03-02' }, 'UTC').detail).toBe(
      'Sick leave, today',
    );
    const missed = {
      status: 'missed',
      missId: '2f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
      detectedAt: '2026-03-02T09:06:00.000Z',
      windowClosesAt: '10:00',
    } as const;
    expect(describeMemberToday(missed, 'UTC')).toEqual({
      label: 'Missed',
      tone: 'red',
      detail: 'No check-in by 10:00',
    });
  });
});

describe('rollCall', () => {
  it('counts check-ins among those expected today', () => {
    const waiting = { status: 'not_yet', windowOpensAt: '06:00', windowClosesAt: '10:00' } as const;
    const off = { status: 'not_due', reason: 'non_work_day' } as const;
    expect(rollCall([checkedIn, waiting, off, null])).toEqual({ checkedIn: 1, expected: 2 });
  });

  it('does not expect anyone on leave, and counts an open miss as expected', () => {
    const leave = {
      status: 'on_leave',
      leaveId: '1f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
      type: 'ANNUAL',
      startDate: '2026-03-02',
      endDate: '2026-03-02',
    } as const;
    const missed = {
      status: 'missed',
      missId: '2f8b8c1e-2d3a-4b5c-9d6e-7f8091a2b3c4',
      detectedAt: '2026-03-02T09:06:00.000Z',
      windowClosesAt: null,
    } as const;
    expect(rollCall([checkedIn, leave, missed])).toEqual({ checkedIn: 1, expected: 2 });
  });
});
