import { localDateOf, type Person, type Team, type Tx } from '@aegira/db';
import {
  type CheckInDayStatus,
  type CheckInWindowResult,
  checkInDayStatus,
  evaluateCheckInWindow,
  type Holiday,
  resolveSchedule,
  type Schedule,
  type WorkDay,
} from '@aegira/domain';

export interface WorkerDay {
  person: Person;
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

/**
 * Everything the window rules need, read in the caller's transaction and judged
 * on one clock reading (`now`), so "today" cannot drift between the checks.
 */
export async function loadWorkerDay(tx: Tx, personId: string, now: Date): Promise<WorkerDay> {
  const person = await tx.person.findUniqueOrThrow({ where: { id: personId } });
  const company = await tx.company.findUniqueOrThrow({ where: { id: person.companyId } });
  const team = person.teamId ? await tx.team.findUnique({ where: { id: person.teamId } }) : null;
  const holidayRows = await tx.holiday.findMany({ where: { isActive: true } });
  const holidays: Holiday[] = holidayRows.map((row) => ({
    date: localDateOf(row.date),
    name: row.name,
    recurring: row.recurring,
  }));
  const schedule = resolveSchedule(
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
  const dayInput = { now, timeZone: company.timezone, schedule, holidays };
  return {
    person,
    team,
    timeZone: company.timezone,
    schedule,
    day: checkInDayStatus(dayInput),
    evaluation: evaluateCheckInWindow({
      ...dayInput,
      person: { isActive: person.isActive, teamId: person.teamId },
      team: team ? { isActive: team.isActive } : null,
    }),
  };
}
