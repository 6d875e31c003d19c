import { leaveTypeLabels } from '../attendance/leave-types.ts';
import { formatLocalDate, formatTimeIn, lateLabel } from '../check-in/format.ts';
import type { BadgeTone } from '../ui/badge.tsx';
import type { MemberToday } from './team-types.ts';

export type MemberStatusView = {
  label: string;
  tone: BadgeTone;
  /** One line under the label: when, or why not. */
  detail: string | null;
};

/** "20 min", "1 h", "3 h 5 min". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * A member's day in words (checked in, waiting, missed, on leave…), for the roll call.
 * `pastDay`: the roster shows a past state (as of a date), where a window closed without a
 * check-in is simply none, not overdue "… ago" from now.
 */
export function describeMemberToday(
  today: MemberToday,
  timeZone: string,
  { pastDay = false }: { pastDay?: boolean } = {},
): MemberStatusView {
  switch (today.status) {
    case 'checked_in': {
      const at = `At ${formatTimeIn(today.submittedAt, timeZone)}`;
      return {
        label: 'Checked in',
        tone: 'green',
        detail: today.isLate ? `${at} · ${lateLabel(today.minutesLate)}` : at,
      };
    }
    case 'not_yet':
      return {
        label: 'Not yet',
        tone: 'sky',
        detail: `Window ${today.windowOpensAt}–${today.windowClosesAt}`,
      };
    case 'late':
      if (pastDay) {
        return {
          label: 'No check-in',
          tone: 'amber',
          detail: `Window closed at ${today.windowClosesAt}`,
        };
      }
      return {
        label: 'Overdue',
        tone: 'amber',
        detail: `Window closed at ${today.windowClosesAt}, ${formatDuration(today.minutesLate)} ago`,
      };
    case 'not_due':
      return { label: notDueLabels[today.reason], tone: 'slate', detail: null };
    case 'on_leave':
      return {
        label: 'On leave',
        tone: 'teal',
        detail:
          today.endDate === today.startDate
            ? `${leaveTypeLabels[today.type]}, today`
            : `${leaveTypeLabels[today.type]} until ${formatLocalDate(today.endDate, 'long')}`,
      };
    case 'missed':
      return {
        label: 'Missed',
        tone: 'red',
        detail:
          today.windowClosesAt === null
            ? 'No check-in by the end of the window'
            : `No check-in by ${today.windowClosesAt}`,
      };
    default: {
      const unreachable: never = today;
      return unreachable;
    }
  }
}

const notDueLabels: Record<Extract<MemberToday, { status: 'not_due' }>['reason'], string> = {
  holiday: 'Holiday',
  non_work_day: 'Day off',
  inactive: 'Inactive',
};

/** How many members have checked in, of those expected today (on leave: not expected). */
export function rollCall(todays: ReadonlyArray<MemberToday | null>): {
  checkedIn: number;
  expected: number;
} {
  let checkedIn = 0;
  let expected = 0;
  for (const today of todays) {
    if (today === null || today.status === 'not_due' || today.status === 'on_leave') continue;
    expected += 1;
    if (today.status === 'checked_in') checkedIn += 1;
  }
  return { checkedIn, expected };
}
