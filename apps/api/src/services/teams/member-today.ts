import { type CheckIn, localDateOf, type MissedCheckIn, type Person, type Team } from '@aegira/db';
import { checkInDayStatus, type Holiday, type LocalTime } from '@aegira/domain';
import { scheduleOf } from '../check-in/worker-day.ts';
import type { LeaveRow } from '../leave/leave-dto.ts';
import type { MemberTodayDto } from './team-dto.ts';

export interface MemberDay {
  now: Date;
  timeZone: string;
  /** `now` in `timeZone`, read once for the whole roster (one clock reading). */
  local: LocalTime;
  holidays: readonly Holiday[];
  team: Pick<Team, 'windowStart' | 'windowEnd' | 'workDays'>;
}

/** What memberToday reads of a member: their active flag and schedule override. */
export type MemberFields = Pick<Person, 'isActive' | 'windowStart' | 'windowEnd' | 'workDays'>;

/** What is recorded about one member today, beside the window rules. */
export interface MemberRecords {
  checkIn:
    | Pick<
        CheckIn,
        'id' | 'readinessScore' | 'readinessLevel' | 'isLate' | 'minutesLate' | 'submittedAt'
      >
    | undefined;
  openMiss: Pick<MissedCheckIn, 'id' | 'detectedAt' | 'windowEnd'> | undefined;
  leave: Pick<LeaveRow, 'id' | 'type' | 'startDate' | 'endDate'> | undefined;
}

// A check-in outranks everything; an open miss outranks leave recorded after
// it (the lead still has to excuse it); leave outranks the day's window.
export function memberToday(
  today: MemberDay,
  member: MemberFields,
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
  const day = checkInDayStatus({ ...today, schedule: scheduleOf(member, today.team) }, today.local);
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
