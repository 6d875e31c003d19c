import { type CheckIn, dateColumn, type Person, type ReadTx, type Team } from '@aegira/db';
import { checkInDayStatus, type Holiday, toLocalTime } from '@aegira/domain';
import { loadHolidays, scheduleOf } from '../check-in/worker-day.ts';
import type { MemberTodayDto } from './team-dto.ts';

interface Today {
  now: Date;
  timeZone: string;
  holidays: readonly Holiday[];
  team: Team;
}

function memberToday(today: Today, member: Person, checkIn: CheckIn | undefined): MemberTodayDto {
  if (checkIn) {
    return {
      status: 'checked_in',
      checkInId: checkIn.id,
      readinessScore: checkIn.readinessScore,
      level: checkIn.readinessLevel,
      isLate: checkIn.isLate,
      minutesLate: checkIn.minutesLate,
      submittedAt: checkIn.submittedAt.toISOString(),
    };
  }
  if (!member.isActive) return { status: 'not_due', reason: 'inactive' };
  const day = checkInDayStatus({ ...today, schedule: scheduleOf(member, today.team) });
  switch (day.status) {
    case 'holiday':
    case 'non_work_day':
      return { status: 'not_due', reason: day.status };
    case 'before_window':
    case 'open':
      return {
        status: 'not_yet',
        windowOpensAt: day.windowOpensAt,
        windowClosesAt: day.windowClosesAt,
      };
    case 'closed_late_allowed':
      return { status: 'late', windowClosesAt: day.windowClosesAt, minutesLate: day.minutesLate };
    default: {
      const unreachable: never = day.status;
      return unreachable;
    }
  }
}

/**
 * Each member's check-in status of today, by the same window rules the check-in
 * itself uses (their own schedule, the company's holidays and timezone), all
 * judged on one clock reading.
 */
export async function membersToday(
  read: ReadTx,
  team: Team,
  members: readonly Person[],
  now: Date,
  timeZone: string,
): Promise<Map<string, MemberTodayDto>> {
  const localDate = toLocalTime(now, timeZone).date;
  const checkIns = await read.checkIn.findMany({
    where: {
      personId: { in: members.map((member) => member.id) },
      localDate: dateColumn(localDate),
    },
  });
  const checkInOf = new Map(checkIns.map((row) => [row.personId, row]));
  const today: Today = { now, timeZone, holidays: await loadHolidays(read), team };
  return new Map(
    members.map((member) => [member.id, memberToday(today, member, checkInOf.get(member.id))]),
  );
}
