import { leaveTypeLabels } from '../attendance/leave-types.ts';
import type { CheckInStatus } from './check-in-types.ts';
import { formatLocalDate, formatTimeIn, lateLabel } from './format.ts';

/**
 * - done: checked in today
 * - due: a check-in is possible now
 * - late: still possible, but the window has closed
 * - waiting: possible later today
 * - off: nothing expected today (holiday, non-work day, leave)
 * - blocked: not possible for a reason an administrator has to fix
 */
export type TodayTone = 'done' | 'due' | 'late' | 'waiting' | 'off' | 'blocked';

export type TodaySummary = {
  headline: string;
  detail: string | null;
  tone: TodayTone;
  /** The main thing to do about it: check in, look at today's result, or nothing. */
  action: 'check-in' | 'view-result' | null;
};

function blockedSummary(reason: string, serverMessage: string): TodaySummary {
  switch (reason) {
    case 'NO_TEAM':
      return {
        headline: 'You are not on a team yet',
        detail: 'There is no check-in for you until an administrator adds you to a team.',
        tone: 'blocked',
        action: null,
      };
    case 'TEAM_INACTIVE':
      return {
        headline: 'Your team is inactive',
        detail: 'Check-ins are paused until an administrator reactivates your team.',
        tone: 'blocked',
        action: null,
      };
    default:
      // A reason this screen does not know yet: the server's sentence still explains it.
      return { headline: serverMessage, detail: null, tone: 'blocked', action: null };
  }
}

type Role = 'ADMIN' | 'WHS' | 'SUPERVISOR' | 'TEAM_LEAD' | 'WORKER';

/** Someone other than a worker opened the check-in (by link or address): none is theirs. */
function notForRole(role: Exclude<Role, 'WORKER'>): TodaySummary {
  const who = {
    ADMIN: 'an administrator',
    WHS: 'a WHS officer',
    SUPERVISOR: 'a supervisor',
    TEAM_LEAD: 'a team lead',
  }[role];
  return {
    headline: 'Check-ins are for workers',
    detail: `As ${who} you have no daily check-in; the workers of your teams check in here.`,
    tone: 'off',
    action: null,
  };
}

/**
 * Today's check-in status in plain words, for the home page and the check-in page.
 * `role` is the signed-in person's: the server answers NO_TEAM for anyone without a
 * team, which for a lead or admin is not something to fix.
 */
export function describeToday(status: CheckInStatus, role: Role = 'WORKER'): TodaySummary {
  if (role !== 'WORKER' && !status.checkIn) return notForRole(role);
  const { window } = status;
  if (status.checkIn) {
    const { scores, submittedAt, isLate, minutesLate, version } = status.checkIn;
    const at = formatTimeIn(submittedAt, status.timeZone);
    const late = isLate ? ` — ${lateLabel(minutesLate).toLowerCase()}` : '';
    const amended = version > 1 ? ' Amended since.' : '';
    return {
      headline: `Done — readiness ${scores.readinessScore} (${scores.level})`,
      detail: `You checked in at ${at}${late}.${amended}`,
      tone: 'done',
      action: 'view-result',
    };
  }
  if (status.blockedReason !== null) return blockedSummary(status.blockedReason, status.message);
  if (status.onLeave) {
    const { type, endDate } = status.onLeave;
    const until =
      endDate === status.localDate ? 'today' : `until ${formatLocalDate(endDate, 'long')}`;
    return {
      headline: 'You are on leave today',
      detail: `${leaveTypeLabels[type]} ${until}. No check-in is expected${status.canCheckIn ? ', though you can still check in' : ''}.`,
      tone: 'off',
      action: null,
    };
  }

  switch (status.status) {
    case 'holiday':
      return {
        headline: `Today is a company holiday: ${status.holidayName ?? 'holiday'}`,
        detail: 'No check-in is needed today.',
        tone: 'off',
        action: null,
      };
    case 'non_work_day':
      return {
        headline: 'Today is not one of your work days',
        detail: 'No check-in is needed today.',
        tone: 'off',
        action: null,
      };
    case 'before_window':
      return {
        headline: `Check-in opens at ${window.start}`,
        detail: `It stays open until ${window.end}.`,
        tone: 'waiting',
        action: null,
      };
    case 'open':
      return {
        headline: `Check-in is open until ${window.end}`,
        detail: 'It takes about a minute.',
        tone: 'due',
        action: status.canCheckIn ? 'check-in' : null,
      };
    case 'closed_late_allowed':
      return {
        headline: `Check-in closed at ${window.end} — you can still check in (it will be marked late)`,
        detail: null,
        tone: 'late',
        action: status.canCheckIn ? 'check-in' : null,
      };
    default: {
      const unhandled: never = status.status;
      throw new Error(`Unhandled check-in status: ${String(unhandled)}`);
    }
  }
}
