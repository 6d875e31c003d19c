import { describe, expect, it } from 'vitest';
import type { CheckIn, CheckInStatus } from './check-in-types.ts';
import { describeToday } from './status-wording.ts';

function status(overrides: Partial<CheckInStatus> = {}): CheckInStatus {
  return {
    localDate: '2026-03-02',
    timeZone: 'Europe/Berlin',
    status: 'open',
    isWorkDay: true,
    holidayName: null,
    window: { start: '06:00', end: '10:00' },
    windowOpen: true,
    alreadyCheckedIn: false,
    canCheckIn: true,
    message: 'Check-in is open until 10:00',
    blockedReason: null,
    onLeave: null,
    checkIn: null,
    ...overrides,
  };
}

const checkIn: CheckIn = {
  id: '6f1c1f8e-6c43-4a57-9a36-3d1f3c0b8a11',
  personId: '0d7e3f5a-1b2c-4d3e-8f90-a1b2c3d4e5f6',
  teamId: '1e8f4a6b-2c3d-4e5f-9a01-b2c3d4e5f6a7',
  localDate: '2026-03-02',
  inputs: {
    hoursSlept: 7.5,
    sleepQuality: 8,
    stressLevel: 3,
    physicalCondition: 8,
    painLevel: 0,
    painLocation: null,
    notes: null,
  },
  scores: {
    formulaVersion: 1,
    hoursScore: 100,
    sleepScore: 88.9,
    stressScore: 77.8,
    physicalScore: 77.8,
    painScore: 100,
    readinessScore: 86,
    level: 'GREEN',
  },
  isLate: false,
  minutesLate: 0,
  submittedAt: '2026-03-02T07:14:00.000Z',
  amendedAt: null,
  version: 1,
};

describe('describeToday', () => {
  it('invites a check-in while the window is open', () => {
    expect(describeToday(status())).toMatchObject({
      headline: 'Check-in is open until 10:00',
      tone: 'due',
      action: 'check-in',
    });
  });

  it('says when the window opens, with nothing to do yet', () => {
    const summary = describeToday(
      status({ status: 'before_window', windowOpen: false, canCheckIn: false }),
    );
    expect(summary).toMatchObject({ headline: 'Check-in opens at 06:00', action: null });
    expect(summary.detail).toBe('It stays open until 10:00.');
  });

  it('still invites a check-in after the window, warning it will be late', () => {
    expect(
      describeToday(status({ status: 'closed_late_allowed', windowOpen: false })),
    ).toMatchObject({
      headline: 'Check-in closed at 10:00 — you can still check in (it will be marked late)',
      tone: 'late',
      action: 'check-in',
    });
  });

  it('names the holiday and says a non-work day needs nothing', () => {
    expect(
      describeToday(
        status({
          status: 'holiday',
          holidayName: 'Founders Day',
          isWorkDay: false,
          canCheckIn: false,
        }),
      ),
    ).toMatchObject({
      headline: 'Today is a company holiday: Founders Day',
      tone: 'off',
      action: null,
    });
    expect(
      describeToday(status({ status: 'non_work_day', isWorkDay: false, canCheckIn: false })),
    ).toMatchObject({ headline: 'Today is not one of your work days', action: null });
  });

  it('reports a done check-in with its score, level and time on the company clock', () => {
    const summary = describeToday(status({ alreadyCheckedIn: true, canCheckIn: false, checkIn }));
    expect(summary).toEqual({
      headline: 'Done — readiness 86 (GREEN)',
      detail: 'You checked in at 08:14.',
      tone: 'done',
      action: 'view-result',
    });
  });

  it('mentions lateness and an amendment of a done check-in', () => {
    const late = { ...checkIn, isLate: true, minutesLate: 12, version: 2 };
    expect(
      describeToday(status({ alreadyCheckedIn: true, canCheckIn: false, checkIn: late })).detail,
    ).toBe('You checked in at 08:14 — late (12 min). Amended since.');
  });

  it('explains a missing or inactive team instead of the window', () => {
    expect(describeToday(status({ canCheckIn: false, blockedReason: 'NO_TEAM' }))).toMatchObject({
      headline: 'You are not on a team yet',
      tone: 'blocked',
      action: null,
    });
    expect(
      describeToday(status({ canCheckIn: false, blockedReason: 'TEAM_INACTIVE' })),
    ).toMatchObject({ headline: 'Your team is inactive', action: null });
  });

  it('tells a lead or admin who opens the check-in that check-ins are for workers', () => {
    const noTeam = status({ canCheckIn: false, blockedReason: 'NO_TEAM' });
    for (const role of ['TEAM_LEAD', 'ADMIN', 'SUPERVISOR', 'WHS'] as const) {
      const summary = describeToday(noTeam, role);
      expect(summary).toMatchObject({ headline: 'Check-ins are for workers', action: null });
      expect(summary.headline).not.toMatch(/not on a team/);
    }
    expect(describeToday(noTeam, 'TEAM_LEAD').detail).toMatch(/As a team lead/);
    expect(describeToday(noTeam, 'WORKER').headline).toBe('You are not on a team yet');
  });

  it('says a worker on leave is not expected, and until when', () => {
    const onLeave = {
      leaveId: '2e8f4a6b-2c3d-4e5f-9a01-b2c3d4e5f6a7',
      type: 'SICK',
      startDate: '2026-03-02',
      endDate: '2026-03-04',
    } as const;
    expect(describeToday(status({ onLeave }))).toEqual({
      headline: 'You are on leave today',
      detail:
        'Sick leave until Wed, 4 Mar 2026. No check-in is expected, though you can still check in.',
      tone: 'off',
      action: null,
    });
    expect(
      describeToday(status({ onLeave: { ...onLeave, endDate: '2026-03-02' }, canCheckIn: false }))
        .detail,
    ).toBe('Sick leave today. No check-in is expected.');
  });

  it("falls back to the server's sentence for a reason it does not know", () => {
    expect(
      describeToday(
        status({
          canCheckIn: false,
          blockedReason: 'PERSON_INACTIVE',
          message: 'Your account is inactive, so you cannot check in',
        }),
      ).headline,
    ).toBe('Your account is inactive, so you cannot check in');
  });

  it('offers no check-in when the server says it is not possible', () => {
    expect(describeToday(status({ canCheckIn: false })).action).toBeNull();
  });
});
