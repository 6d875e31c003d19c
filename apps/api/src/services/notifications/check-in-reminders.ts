import { type Db, type ReminderDue, recordReminders, withTenant } from '@aegira/db';
import {
  expectationOn,
  instantOfLocalTime,
  type LeaveRange,
  startOfLocalDate,
  toLocalTime,
  windowCloseOn,
} from '@aegira/domain';
import { loadHolidays } from '../check-in/worker-day.ts';
import { loadDayStates } from '../missed-check-ins/detect-states.ts';

/** A worker is reminded this many minutes before their window closes (product.md). */
export const REMINDER_MINUTES_BEFORE_CLOSE = 30;

/**
 * Reminds every worker expected today who has not checked in and whose window closes within
 * 30 minutes (and has opened), once per local date: "expected" is the rule of missed check-ins
 * (expectationOn: active WORKER on an active team, assigned before today, a work day, not a
 * holiday, not on leave), judged on their state now. The job runs every 5 minutes, so a
 * reminder comes 25 to 30 minutes before the close; a run that comes late (after downtime)
 * still reminds until the window closes, never after. Returns how many reminders were new.
 */
export async function sendCheckInReminders(db: Db, companyId: string, now: Date): Promise<number> {
  const due = await withTenant(db, companyId, async (read) => {
    const { timezone: timeZone } = await read.company.findUniqueOrThrow({
      where: { id: companyId },
      select: { timezone: true },
    });
    const today = toLocalTime(now, timeZone).date;
    const checkedIn = await read.$queryRaw<Array<{ person_id: string }>>`
      SELECT person_id FROM check_ins WHERE local_date = ${today}::date`;
    const leaves = await read.$queryRaw<Array<{ person_id: string } & LeaveRange>>`
      SELECT person_id, start_date::text AS "startDate", end_date::text AS "endDate"
      FROM leaves
      WHERE cancelled_at IS NULL AND start_date <= ${today}::date AND end_date >= ${today}::date`;
    const holidays = await loadHolidays(read);
    const states = await loadDayStates(
      read,
      companyId,
      { date: today, start: startOfLocalDate(today, timeZone), end: now },
      new Set(checkedIn.map((row) => row.person_id)),
    );
    const reminders: ReminderDue[] = [];
    for (const [personId, timeline] of states) {
      const current = timeline.at(-1)?.state;
      if (!current) continue;
      const expectation = expectationOn(current, {
        date: today,
        timeZone,
        holidays,
        leaves: leaves.filter((leave) => leave.person_id === personId),
      });
      if (!expectation.expected) continue;
      const { schedule } = expectation;
      const closes = windowCloseOn(today, schedule, timeZone).getTime();
      const opens = instantOfLocalTime(today, schedule.windowStart, timeZone).getTime();
      const from = Math.max(opens, closes - REMINDER_MINUTES_BEFORE_CLOSE * 60_000);
      if (now.getTime() >= from && now.getTime() < closes) {
        reminders.push({ personId, localDate: today, windowEnd: schedule.windowEnd });
      }
    }
    return reminders;
  });
  return recordReminders(db, companyId, due, now);
}
