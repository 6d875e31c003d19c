import { localDateOf, type Person, type ReadTx, type Team } from '@aegira/db';
import {
  type CheckInDayStatus,
  type CheckInWindowResult,
  checkInDayStatus,
  evaluateCheckInWindow,
  type Holiday,
  resolveSchedule,
  type Schedule,
  toLocalTime,
  type WorkDay,
} from '@aegira/domain';
import { teamOfPersonOn } from '../teams/membership.ts';

export interface WorkerDay {
  person: Person;
  /**
   * The person's team today: a transfer whose day has come counts as done even
   * before a command completes it, so it may differ from `person.teamId`.
   */
  teamId: string | null;
  team: Team | null;
  timeZone: string;
  schedule: Schedule;
  /** Where the day stands for this schedule (what the UI shows). */
  day: CheckInDayStatus;
  /** Whether this person may check in now, and why not. */
  evaluation: CheckInWindowResult;
}

function workDaysOf(days: readonly number[]): WorkDay[] {
  return days.filter((day): day is WorkDay => Number.isInteger(day) && day >= 1 && day <= 7);
}

/** The company's active holidays, as the window rules read them. */
export async function loadHolidays(read: ReadTx): Promise<Holiday[]> {
  const rows = await read.holiday.findMany({ where: { isActive: true } });
  return rows.map((row) => ({
    date: localDateOf(row.date),
    name: row.name,
    recurring: row.recurring,
  }));
}

/** The schedule of one person: their personal override per field, else their team's. */
export function scheduleOf(person: Person, team: Team | null): Schedule {
  return resolveSchedule(
    team
      ? {
          windowStart: team.windowStart,
          windowEnd: team.windowEnd,
          workDays: workDaysOf(team.workDays),
        }
      : null,
    {
      windowStart: person.windowStart,
      windowEnd: person.windowEnd,
      // An empty list in the row means "no personal override".
      workDays: person.workDays.length > 0 ? workDaysOf(person.workDays) : null,
    },
  );
}

/**
 * Everything the window rules need, read in the caller's transaction and judged
 * on one clock reading (`now`), so "today" cannot drift between the checks.
 * The team is the person's team of today (services/teams/membership.ts), so a
 * query sees a move on its day without anything having written it; commands
 * also complete due transfers first, and then both agree.
 */
export async function loadWorkerDay(read: ReadTx, personId: string, now: Date): Promise<WorkerDay> {
  const person = await read.person.findUniqueOrThrow({ where: { id: personId } });
  const company = await read.company.findUniqueOrThrow({ where: { id: person.companyId } });
  const teamId = await teamOfPersonOn(read, person.id, toLocalTime(now, company.timezone).date);
  const team = teamId ? await read.team.findUnique({ where: { id: teamId } }) : null;
  const holidays = await loadHolidays(read);
  const schedule = scheduleOf(person, team);
  const dayInput = { now, timeZone: company.timezone, schedule, holidays };
  return {
    person,
    teamId,
    team,
    timeZone: company.timezone,
    schedule,
    day: checkInDayStatus(dayInput),
    evaluation: evaluateCheckInWindow({
      ...dayInput,
      person: { isActive: person.isActive, teamId },
      team: team ? { isActive: team.isActive } : null,
    }),
  };
}
