import type { LeaveType } from './attendance-types.ts';

// Apart from leave-wording.ts (which needs the date functions of @aegira/domain): the home
// page's check-in card names the leave, and should not pull those functions in with it.

export const LEAVE_TYPES: readonly LeaveType[] = ['ANNUAL', 'SICK', 'OTHER'];

export const leaveTypeLabels: Record<LeaveType, string> = {
  ANNUAL: 'Annual leave',
  SICK: 'Sick leave',
  OTHER: 'Other leave',
};

export function isLeaveType(value: string): value is LeaveType {
  return Object.hasOwn(leaveTypeLabels, value);
}
