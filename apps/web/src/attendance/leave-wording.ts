import { daysBetween } from '@aegira/domain';
import { formatLocalDate } from '../check-in/format.ts';
import type { BadgeTone } from '../ui/badge.tsx';
import type { Leave } from './attendance-types.ts';

/** Both ends included: a leave from Monday to Wednesday is 3 days. */
export function leaveLength(startDate: string, endDate: string): number {
  return daysBetween(startDate, endDate) + 1;
}

/** "Mon, 2 Mar 2026" for one day, else "Mon, 2 Mar 2026 – Wed, 4 Mar 2026 (3 days)". */
export function formatLeaveRange(startDate: string, endDate: string): string {
  if (startDate === endDate) return formatLocalDate(startDate, 'long');
  const days = leaveLength(startDate, endDate);
  return `${formatLocalDate(startDate, 'long')} – ${formatLocalDate(endDate, 'long')} (${days} days)`;
}

export type LeaveStatus = 'cancelled' | 'current' | 'upcoming' | 'past';

/** Where a leave stands on `today`, the company's local date. */
export function leaveStatus(
  leave: Pick<Leave, 'startDate' | 'endDate' | 'cancelledAt'>,
  today: string,
): LeaveStatus {
  if (leave.cancelledAt !== null) return 'cancelled';
  if (leave.endDate < today) return 'past';
  if (leave.startDate > today) return 'upcoming';
  return 'current';
}

export const leaveStatusViews: Record<LeaveStatus, { label: string; tone: BadgeTone }> = {
  current: { label: 'On leave now', tone: 'teal' },
  upcoming: { label: 'Upcoming', tone: 'sky' },
  past: { label: 'Taken', tone: 'slate' },
  cancelled: { label: 'Cancelled', tone: 'slate' },
};

/** Only leave that is not over can be cancelled: a past leave is history. */
export function canCancelLeave(status: LeaveStatus): boolean {
  return status === 'current' || status === 'upcoming';
}
