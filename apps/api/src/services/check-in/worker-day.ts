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

/** The company's active holidays, as the window rules read them. */
export async function loadHolidays(tx: Tx): Promise<Holiday[]> {
  const rows = await tx.holiday.findMany({ where: { isActive: true } });
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
 * Callers first run applyDueTransfers (services/teams/due-transfers.ts) for the
 * same `now`, outside their transaction, so the person's team is the one of
 * today: this function only reads, and a command's event builder must not write.
 */
export async function loadWorkerDay(tx: Tx, personId: string, now: Date): Promise<WorkerDay> {
  const person = await tx.person.findUniqueOrThrow({ where: { id: personId } });
  const company = await tx.company.findUniqueOrThrow({ where: { id: person.companyId } });
  const team = person.teamId ? await tx.team.findUnique({ where: { id: person.teamId } }) : null;
  const holidays = await loadHolidays(tx);
  const schedule = scheduleOf(person, team);
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
