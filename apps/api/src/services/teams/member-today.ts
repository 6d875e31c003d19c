import {
  type CheckIn,
  dateColumn,
  localDateOf,
  type MissedCheckIn,
  type Person,
  type ReadTx,
  type Team,
} from '@aegira/db';
import { checkInDayStatus, type Holiday, toLocalTime } from '@aegira/domain';
import { loadHolidays, scheduleOf } from '../check-in/worker-day.ts';
import type { LeaveRow } from '../leave/leave-dto.ts';
import { leavesCovering } from '../leave/leave-queries.ts';
import type { MemberTodayDto } from './team-dto.ts';

export interface MemberDay {
  now: Date;
  timeZone: string;
  holidays: readonly Holiday[];
  team: Team;
}

/** What is recorded about one member today, beside the window rules. */
export interface MemberRecords {
  checkIn: CheckIn | undefined;
  openMiss: MissedCheckIn | undefined;
  leave: LeaveRow | undefined;
}

// A check-in outranks everything; an open miss outranks leave recorded after
// it (the lead still has to excuse it); leave outranks the day's window.
export function memberToday(
  today: MemberDay,
  member: Person,
  records: MemberRecords,
): MemberTodayDto {
  const { checkIn, openMiss, leave } = records;
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
  if (openMiss) {
    return {
      status: 'missed',
      missId: openMiss.id,
      detectedAt: openMiss.detectedAt.toISOString(),
      windowClosesAt: openMiss.windowEnd,
    };
  }
  if (leave) {
    return {
      status: 'on_leave',
      leaveId: leave.id,
      type: leave.type,
      startDate: localDateOf(leave.startDate),
      endDate: localDateOf(leave.endDate),
    };
  }
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
 * Each member's status of today, by the same window rules the check-in itself
 * uses (their own schedule, the company's holidays and timezone), with their
 * check-in, open miss and leave of today, all judged on one clock reading.
 */
export async function membersToday(
  read: ReadTx,
  team: Team,
  members: readonly Person[],
  now: Date,
  timeZone: string,
): Promise<Map<string, MemberTodayDto>> {
  const localDate = toLocalTime(now, timeZone).date;
  const ids = members.map((member) => member.id);
  const checkIns = await read.checkIn.findMany({
    where: { personId: { in: ids }, localDate: dateColumn(localDate) },
  });
  const misses = await read.missedCheckIn.findMany({
    where: {
      personId: { in: ids },
      localDate: dateColumn(localDate),
      resolvedAt: null,
      excusedAt: null,
    },
  });
  const leaveOf = await leavesCovering(read, ids, localDate);
  const checkInOf = new Map(checkIns.map((row) => [row.personId, row]));
  const missOf = new Map(misses.map((row) => [row.personId, row]));
  const today: MemberDay = { now, timeZone, holidays: await loadHolidays(read), team };
  return new Map(
    members.map((member) => [
      member.id,
      memberToday(today, member, {
        checkIn: checkInOf.get(member.id),
        openMiss: missOf.get(member.id),
        leave: leaveOf.get(member.id),
      }),
    ]),
  );
}
