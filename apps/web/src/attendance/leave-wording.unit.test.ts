import { describe, expect, it } from 'vitest';
import { canCancelLeave, formatLeaveRange, leaveLength, leaveStatus } from './leave-wording.ts';

describe('formatLeaveRange', () => {
  it('names one day once, and a range with its length, both ends included', () => {
    expect(formatLeaveRange('2026-03-02', '2026-03-02')).toBe('Mon, 2 Mar 2026');
    expect(formatLeaveRange('2026-03-02', '2026-03-04')).toBe(
      'Mon, 2 Mar 2026 – Wed, 4 Mar 2026 (3 days)',
    );
    expect(leaveLength('2026-02-27', '2026-03-02')).toBe(4);
  });
});

describe('leaveStatus', () => {
  const leave = { startDate: '2026-03-02', endDate: '2026-03-04', cancelledAt: null };

  it('places a leave against today, both ends counting as leave', () => {
    expect(leaveStatus(leave, '2026-03-01')).toBe('upcoming');
    expect(leaveStatus(leave, '2026-03-02')).toBe('current');
    expect(leaveStatus(leave, '2026-03-04')).toBe('current');
    expect(leaveStatus(leave, '2026-03-05')).toBe('past');
  });

  it('puts cancelled before everything, and lets only what is not over be cancelled', () => {
    const cancelled = { ...leave, cancelledAt: '2026-03-01T10:00:00.000Z' };
    expect(leaveStatus(cancelled, '2026-03-03')).toBe('cancelled');
    expect(canCancelLeave('current')).toBe(true);
    expect(canCancelLeave('upcoming')).toBe(true);
    expect(canCancelLeave('past')).toBe(false);
    expect(canCancelLeave('cancelled')).toBe(false);
  });
});
