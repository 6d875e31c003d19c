/**
 * The dashboard metrics of product.md "Dashboards and analytics", as pure
 * functions over days already judged (expected or not, checked in or not). The
 * API's SQL decides which days are expected (team of the day, assignment, work
 * day, holiday, leave); these say how the days add up.
 */
import { addDays, type LocalDate, weekdayOf } from './local-time.ts';

/** The earlier of two local dates (string order is date order for 'YYYY-MM-DD'). */
export function earlierDate(a: LocalDate, b: LocalDate): LocalDate {
  if (b < a) return b;
  return a;
}

/** The later of two local dates. */
export function laterDate(a: LocalDate, b: LocalDate): LocalDate {
  if (b > a) return b;
  return a;
}

export interface JudgedDay {
  date: LocalDate;
  /** An active worker on a team that day, assigned before it, a work day, no holiday, no leave. */
  expected: boolean;
  checkedIn: boolean;
}

/** A ratio as a percentage with one decimal, or null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** Mean with one decimal, or null for no values. */
export function averageOf(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.round((sum / count) * 10) / 10;
}

/**
 * Compliance of days: check-ins of expected workers ÷ expected. Days with no
 * one expected add nothing (and a check-in on such a day, e.g. on leave, does
 * not count either); null when no day had anyone expected.
 */
export function complianceOf(
  days: readonly { expected: number; submitted: number }[],
): number | null {
  let expected = 0;
  let submitted = 0;
  for (const day of days) {
    if (day.expected <= 0) continue;
    expected += day.expected;
    submitted += Math.min(day.submitted, day.expected);
  }
  return percentOf(submitted, expected);
}

/**
 * Consecutive expected days with a check-in, counting back from yesterday;
 * today counts once checked in (an open today never breaks it). Days not
 * expected (weekends, holidays, leave) neither break nor extend it. `days`
 * may come in any order; missing dates count as not expected.
 */
export function streakOf(days: readonly JudgedDay[], today: LocalDate): number {
  const byDate = new Map(days.map((day) => [day.date, day]));
  const todayDay = byDate.get(today);
  let streak = todayDay?.expected && todayDay.checkedIn ? 1 : 0;
  const oldest = days.reduce((min, day) => earlierDate(min, day.date), today);
  for (let date = addDays(today, -1); date >= oldest; date = addDays(date, -1)) {
    const day = byDate.get(date);
    if (!day?.expected) continue;
    if (!day.checkedIn) break;
    streak += 1;
  }
  return streak;
}

/** The Monday of the ISO week of `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

export interface WeekCompletion {
  from: LocalDate;
  to: LocalDate;
  expected: number;
  submitted: number;
  completion: number | null;
}

/**
 * This week's check-ins ÷ expected days from Monday (or the first day after
 * the assignment, when later) to today; today is counted only once its window
 * has opened (or once checked in), so a Monday morning is not a failure.
 */
export function weekCompletionOf(input: {
  days: readonly JudgedDay[];
  today: LocalDate;
  todayWindowOpened: boolean;
  /** The day of the first assignment: days up to it are never expected. */
  assignedOn: LocalDate | null;
}): WeekCompletion {
  const monday = mondayOf(input.today);
  const afterAssignment = input.assignedOn ? addDays(input.assignedOn, 1) : monday;
  const from = laterDate(afterAssignment, monday);
  let expected = 0;
  let submitted = 0;
  for (const day of input.days) {
    if (day.date < from || day.date > input.today || !day.expected) continue;
    if (day.date === input.today && !input.todayWindowOpened && !day.checkedIn) continue;
    expected += 1;
    if (day.checkedIn) submitted += 1;
  }
  return {
    from: earlierDate(from, input.today),
    to: input.today,
    expected,
    submitted,
    completion: percentOf(submitted, expected),
  };
}

/**
 * The first day of a period of `length` days ending `today`, never before the
 * team (or assignment) existed.
 */
export function periodStart(
  today: LocalDate,
  length: number,
  existsFrom: LocalDate | null,
): LocalDate {
  const start = addDays(today, 1 - length);
  if (existsFrom === null || existsFrom <= start) return start;
  return earlierDate(existsFrom, today);
}

export interface RankedDay {
  date: LocalDate;
  expected: number;
  compliance: number | null;
  averageReadiness: number | null;
}

/**
 * The worst and best days of a period by compliance, among finished days (before
 * `today`) with someone expected. Today is still under way, mostly before its window
 * opens, so ranking it would name every morning the period's worst day. Ties go to the
 * lower (worst) or higher (best) average readiness, then to the latest day.
 */
export function worstAndBestDays<T extends RankedDay>(
  days: readonly T[],
  today: LocalDate,
): { worst: T | null; best: T | null } {
  let worst: T | null = null;
  let best: T | null = null;
  const avg = (day: T, missing: number) => day.averageReadiness ?? missing;
  for (const day of days) {
    if (day.date >= today || day.expected <= 0 || day.compliance === null) continue;
    if (
      worst === null ||
      worst.compliance === null ||
      day.compliance < worst.compliance ||
      (day.compliance === worst.compliance && avg(day, 101) <= avg(worst, 101))
    ) {
      worst = day;
    }
    if (
      best === null ||
      best.compliance === null ||
      day.compliance > best.compliance ||
      (day.compliance === best.compliance && avg(day, -1) >= avg(best, -1))
    ) {
      best = day;
    }
  }
  return { worst, best };
}
