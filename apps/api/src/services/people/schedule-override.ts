import type { Team } from '@aegira/db';
import { resolveSchedule, type Schedule, validateSchedule, type WorkDay } from '@aegira/domain';
import { AppError } from '../../errors/app-error.ts';

/** A person's override as stored: null fields and an empty workDays mean "the team's". */
export interface ScheduleOverride {
  windowStart: string | null;
  windowEnd: string | null;
  workDays: number[];
}

function workDaysOf(days: readonly number[]): WorkDay[] {
  return days.filter((day): day is WorkDay => Number.isInteger(day) && day >= 1 && day <= 7);
}

/**
 * Checks the schedule the person would actually have — the override over the
 * team's schedule (or the default) — with the domain's rules, so an override
 * that only sets a start after the team's end is refused too. Errors name the
 * field the admin set.
 */
export function checkScheduleOverride(override: ScheduleOverride, team: Team | null): void {
  const base: Schedule | null = team
    ? {
        windowStart: team.windowStart,
        windowEnd: team.windowEnd,
        workDays: workDaysOf(team.workDays),
      }
    : null;
  const resolved = resolveSchedule(base, {
    windowStart: override.windowStart,
    windowEnd: override.windowEnd,
    workDays: override.workDays.length > 0 ? workDaysOf(override.workDays) : null,
  });
  const source = team ? "the team's" : 'the default';
  const fieldErrors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    fieldErrors[field] = [...(fieldErrors[field] ?? []), message];
  };
  for (const error of validateSchedule(resolved)) {
    if (error.field === 'workDays') {
      // The override itself, since a stored team schedule is already valid; a
      // workDays that is not a subset of 1..7 never reaches here (input schema).
      add('workDays', error.message);
    } else if (override.windowStart === null && error.field === 'windowEnd') {
      add('windowEnd', `windowEnd must be after ${source} window start (${resolved.windowStart})`);
    } else if (override.windowEnd === null && error.field === 'windowEnd') {
      add('windowStart', `windowStart must be before ${source} window end (${resolved.windowEnd})`);
    } else {
      add(error.field, error.message);
    }
  }
  const fields = Object.keys(fieldErrors);
  if (fields.length > 0) {
    const summary = fields.map((field) => `${field}: ${fieldErrors[field]?.join(', ')}`).join('; ');
    throw new AppError('VALIDATION_FAILED', `Invalid schedule — ${summary}`, { fieldErrors });
  }
}
