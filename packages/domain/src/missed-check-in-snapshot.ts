/**
 * The figures a recorded miss keeps (product.md, "Missed check-ins" and "Dashboards and
 * analytics"): the streak the worker had before the miss and their misses in the 30 days before.
 */
import { findHoliday, type Holiday } from './holidays.ts';
import { addDays, daysBetween, type LocalDate, weekdayOf } from './local-time.ts';
import { isOnLeave, type LeaveRange } from './missed-check-in.ts';
import { isWorkDay, type Schedule } from './schedule.ts';

/** How far back a streak is counted; a longer streak is reported as this many days' worth. */
export const STREAK_LOOKBACK_DAYS = 120;

export const MISSES_PERIOD_DAYS = 30;

export interface StreakInput {
  /** The day of the miss; the streak counts back from the day before it. */
  missDate: LocalDate;
  /** Days the worker checked in (any order, any range). */
  checkInDates: ReadonlySet<LocalDate>;
  /** Whether the worker was expected on a day. */
  isExpected: (date: LocalDate) => boolean;
  lookbackDays?: number;
}

/**
 * Consecutive expected days with a check-in, counting back from the day before the miss. Days
 * the worker was not expected neither break nor extend it (so a check-in on a day off does not
 * count); the first expected day without a check-in ends it.
 */
export function streakBefore(input: StreakInput): number {
  const lookback = input.lookbackDays ?? STREAK_LOOKBACK_DAYS;
  let streak = 0;
  for (let back = 1; back <= lookback; back += 1) {
    const date = addDays(input.missDate, -back);
    if (!input.isExpected(date)) continue;
    if (!input.checkInDates.has(date)) break;
    streak += 1;
  }
  return streak;
}

/**
 * Whether a worker with `schedule` was expected on an earlier day, for the streak: a work day,
 * not a holiday, not on leave. Earlier days are read on the schedule of the miss day (their own
 * schedules are not looked up), and days before the worker joined their current team count
 * too, so a move does not reset the streak; a worker who did not exist yet has no check-in
 * on those days, which ends the streak there.
 */
export function expectedOnScheduleOf(
  schedule: Schedule,
  holidays: readonly Holiday[],
  leaves: readonly LeaveRange[],
): (date: LocalDate) => boolean {
  return (date) =>
    isWorkDay(schedule, weekdayOf(date)) &&
    findHoliday(date, holidays) === null &&
    !isOnLeave(date, leaves);
}

/** Misses recorded in the 30 days before `missDate` (that day itself not included). */
export function missesInPeriodBefore(
  missDate: LocalDate,
  missDates: Iterable<LocalDate>,
  periodDays = MISSES_PERIOD_DAYS,
): number {
  let count = 0;
  for (const date of missDates) {
    const back = daysBetween(date, missDate);
    if (back >= 1 && back <= periodDays) count += 1;
  }
  return count;
}
