/**
 * A team's check-in schedule and a worker's personal override of it, field by field.
 * Windows are same-day ranges in the company's local time; overnight windows are not supported.
 */
import { type IsoWeekday, isValidHm, parseHm } from './local-time.ts';

/** ISO weekday a team works: Monday = 1 … Sunday = 7. */
export type WorkDay = IsoWeekday;

export const WORK_DAYS: readonly WorkDay[] = [1, 2, 3, 4, 5, 6, 7];

export interface Schedule {
  /** 'HH:mm' local time the window opens (inclusive). */
  windowStart: string;
  /** 'HH:mm' local time the window closes; a check-in in this minute is still on time. */
  windowEnd: string;
  workDays: readonly WorkDay[];
}

/** Stored overrides come from nullable columns: null and undefined both mean "use the team's". */
export type ScheduleOverride = { [K in keyof Schedule]?: Schedule[K] | null };

export const DEFAULT_SCHEDULE: Readonly<Schedule> = Object.freeze({
  windowStart: '06:00',
  windowEnd: '10:00',
  workDays: Object.freeze([1, 2, 3, 4, 5] as const),
});

/**
 * The schedule that applies to one worker: each field from the personal override when set,
 * else from the team, else the default.
 */
export function resolveSchedule(
  team: ScheduleOverride | null | undefined,
  personOverride?: ScheduleOverride | null,
): Schedule {
  return {
    windowStart: personOverride?.windowStart ?? team?.windowStart ?? DEFAULT_SCHEDULE.windowStart,
    windowEnd: personOverride?.windowEnd ?? team?.windowEnd ?? DEFAULT_SCHEDULE.windowEnd,
    workDays: personOverride?.workDays ?? team?.workDays ?? DEFAULT_SCHEDULE.workDays,
  };
}

export function isWorkDay(schedule: Schedule, weekday: IsoWeekday): boolean {
  return schedule.workDays.includes(weekday);
}

export interface ScheduleFieldError {
  field: keyof Schedule;
  message: string;
}

/** For admin forms and the API: a schedule the window rules can evaluate sensibly. */
export function validateSchedule(schedule: Schedule): ScheduleFieldError[] {
  const errors: ScheduleFieldError[] = [];
  if (!isValidHm(schedule.windowStart)) {
    errors.push({ field: 'windowStart', message: 'windowStart must be a time as HH:mm' });
  }
  if (!isValidHm(schedule.windowEnd)) {
    errors.push({ field: 'windowEnd', message: 'windowEnd must be a time as HH:mm' });
  }
  if (errors.length === 0 && parseHm(schedule.windowStart) >= parseHm(schedule.windowEnd)) {
    errors.push({ field: 'windowEnd', message: 'windowEnd must be after windowStart' });
  }
  const days = schedule.workDays;
  if (days.length === 0) {
    errors.push({ field: 'workDays', message: 'workDays must include at least one day' });
  } else if (days.some((day) => !WORK_DAYS.includes(day)) || new Set(days).size !== days.length) {
    errors.push({
      field: 'workDays',
      message: 'workDays must be distinct weekdays from 1 (Monday) to 7 (Sunday)',
    });
  }
  return errors;
}
