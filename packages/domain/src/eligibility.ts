/**
 * The check-in window rules (product.md, "The daily check-in"), evaluated on ONE clock reading
 * so that the local date, the weekday and the minute of day can never disagree.
 */
import { findHoliday, type Holiday } from './holidays.ts';
import { type LocalDate, type LocalTime, parseHm, toLocalTime } from './local-time.ts';
import { isWorkDay, type Schedule } from './schedule.ts';

export type CheckInRejectionCode =
  | 'PERSON_INACTIVE'
  | 'NO_TEAM'
  | 'TEAM_INACTIVE'
  | 'HOLIDAY'
  | 'NON_WORK_DAY'
  | 'WINDOW_NOT_OPEN';

export type CheckInDayStatusKind =
  | 'holiday'
  | 'non_work_day'
  | 'before_window'
  | 'open'
  | 'closed_late_allowed';

export interface CheckInDayInput {
  now: Date;
  /** The company's IANA timezone. */
  timeZone: string;
  /** The worker's resolved schedule (see resolveSchedule). */
  schedule: Schedule;
  holidays: readonly Holiday[];
}

export interface CheckInWindowInput extends CheckInDayInput {
  person: { isActive: boolean; teamId: string | null };
  team: { isActive: boolean } | null;
}

export interface CheckInDayStatus {
  status: CheckInDayStatusKind;
  message: string;
  localDate: LocalDate;
  /** 'HH:mm' local. */
  windowOpensAt: string;
  /** 'HH:mm' local. */
  windowClosesAt: string;
  /** Whole minutes since the window closed; 0 unless status is 'closed_late_allowed'. */
  minutesLate: number;
  /** Set when status is 'holiday'. */
  holidayName: string | null;
}

export type CheckInWindowResult =
  | {
      allowed: true;
      localDate: LocalDate;
      isLate: boolean;
      minutesLate: number;
      windowOpensAt: string;
      windowClosesAt: string;
    }
  | { allowed: false; code: CheckInRejectionCode; message: string; localDate: LocalDate };

/**
 * Where today stands for a worker's schedule, regardless of who they are: what the UI shows
 * and what the missed check-in job asks. Holiday outranks non-work day outranks the window.
 * A check-in in the window's last minute (e.g. 10:00:59 for a 10:00 end) is still on time.
 */
export function checkInDayStatus(
  input: CheckInDayInput,
  // A roster judges every member on the same clock reading: read it once (LocalTime of now).
  local: LocalTime = toLocalTime(input.now, input.timeZone),
): CheckInDayStatus {
  const { windowStart, windowEnd } = input.schedule;
  const base = {
    localDate: local.date,
    windowOpensAt: windowStart,
    windowClosesAt: windowEnd,
    minutesLate: 0,
    holidayName: null,
  };

  const holiday = findHoliday(local.date, input.holidays);
  if (holiday) {
    return {
      ...base,
      status: 'holiday',
      message: `Today is a company holiday: ${holiday.name}`,
      holidayName: holiday.name,
    };
  }
  if (!isWorkDay(input.schedule, local.weekday)) {
    return { ...base, status: 'non_work_day', message: 'Today is not one of your work days' };
  }
  if (local.minutes < parseHm(windowStart)) {
    return { ...base, status: 'before_window', message: `Check-in opens at ${windowStart}` };
  }
  const minutesLate = local.minutes - parseHm(windowEnd);
  if (minutesLate <= 0) {
    return { ...base, status: 'open', message: `Check-in is open until ${windowEnd}` };
  }
  return {
    ...base,
    status: 'closed_late_allowed',
    minutesLate,
    message: `Check-in closed at ${windowEnd}; you can still check in, marked ${minutesLate} ${minutesLate === 1 ? 'minute' : 'minutes'} late`,
  };
}

/**
 * May this person check in now? Who they are is checked before what day it is, in the
 * order inactive person, no team, inactive team, holiday, non-work day, before window.
 * After the window closes the check-in is still allowed, marked late.
 */
export function evaluateCheckInWindow(input: CheckInWindowInput): CheckInWindowResult {
  const day = checkInDayStatus(input);
  const reject = (code: CheckInRejectionCode, message: string): CheckInWindowResult => ({
    allowed: false,
    code,
    message,
    localDate: day.localDate,
  });

  if (!input.person.isActive) {
    return reject('PERSON_INACTIVE', 'Your account is inactive, so you cannot check in');
  }
  // A team id whose team cannot be found is treated as no team: there is nothing to check in to.
  if (input.person.teamId === null || input.team === null) {
    return reject('NO_TEAM', 'You are not assigned to a team, so there is no check-in for you');
  }
  if (!input.team.isActive) {
    return reject('TEAM_INACTIVE', 'Your team is inactive, so check-ins are paused');
  }

  switch (day.status) {
    case 'holiday':
      return reject('HOLIDAY', day.message);
    case 'non_work_day':
      return reject('NON_WORK_DAY', day.message);
    case 'before_window':
      return reject('WINDOW_NOT_OPEN', day.message);
    case 'open':
    case 'closed_late_allowed':
      return {
        allowed: true,
        localDate: day.localDate,
        isLate: day.minutesLate > 0,
        minutesLate: day.minutesLate,
        windowOpensAt: day.windowOpensAt,
        windowClosesAt: day.windowClosesAt,
      };
    default: {
      const unhandled: never = day.status;
      throw new Error(`Unhandled check-in day status: ${String(unhandled)}`);
    }
  }
}
