/**
 * Missed check-ins (product.md, "Missed check-ins"): whether a worker was expected to check in
 * on a local day, and whether a miss of that day is due at a given instant. Pure: the caller
 * supplies the state the day is judged on.
 */
import { findHoliday, type Holiday } from './holidays.ts';
import { type LocalDate, weekdayOf } from './local-time.ts';
import { instantOfLocalTime } from './missed-check-in-time.ts';
import { isWorkDay, resolveSchedule, type Schedule, type ScheduleOverride } from './schedule.ts';

/** Minutes after the window's close before a missing check-in counts as a miss. */
export const MISS_BUFFER_MINUTES = 5;

/** A leave over local dates, both inclusive. */
export interface LeaveRange {
  startDate: LocalDate;
  endDate: LocalDate;
}

/** Who a person was at one instant: the rows the rules read, as they were then. */
export interface WorkerState {
  person: {
    isActive: boolean;
    role: string;
    teamId: string | null;
    /** The local day the person joined their team; null when not recorded. */
    teamAssignedOn: LocalDate | null;
    /** Personal override per field; null (or no work days) means "the team's". */
    override: ScheduleOverride;
  };
  /** The person's team at that instant, or null when they have none. */
  team: { id: string; isActive: boolean; leaderId: string | null; schedule: Schedule } | null;
}

export interface WorkerDayContext {
  date: LocalDate;
  /** The company's IANA time zone. */
  timeZone: string;
  holidays: readonly Holiday[];
  /** The person's leaves that are not cancelled. */
  leaves: readonly LeaveRange[];
}

export type NotExpectedReason =
  | 'PERSON_INACTIVE'
  | 'NOT_A_WORKER'
  | 'NO_TEAM'
  | 'TEAM_INACTIVE'
  | 'ASSIGNED_THAT_DAY_OR_LATER'
  | 'HOLIDAY'
  | 'NON_WORK_DAY'
  | 'ON_LEAVE';

export type Expectation =
  | { expected: true; teamId: string; leaderId: string | null; schedule: Schedule }
  | { expected: false; reason: NotExpectedReason };

export function isOnLeave(date: LocalDate, leaves: readonly LeaveRange[]): boolean {
  // 'YYYY-MM-DD' strings order as the dates they name.
  return leaves.some((leave) => leave.startDate <= date && date <= leave.endDate);
}

/**
 * Was this worker expected to check in on `context.date`? Only an active WORKER on an active
 * team, assigned before that day (the day of an assignment or a move is never a miss), on one
 * of their work days (the personal override per field, else the team's), not a company holiday
 * and not a day of leave. Checked in that order; the first rule that fails is the reason.
 */
export function expectationOn(state: WorkerState, context: WorkerDayContext): Expectation {
  const { person, team } = state;
  const no = (reason: NotExpectedReason): Expectation => ({ expected: false, reason });
  if (!person.isActive) return no('PERSON_INACTIVE');
  if (person.role !== 'WORKER') return no('NOT_A_WORKER');
  if (person.teamId === null || team === null || team.id !== person.teamId) return no('NO_TEAM');
  if (!team.isActive) return no('TEAM_INACTIVE');
  // An unknown assignment day (rows from before it was recorded) does not excuse the day.
  if (person.teamAssignedOn !== null && person.teamAssignedOn >= context.date) {
    return no('ASSIGNED_THAT_DAY_OR_LATER');
  }
  const schedule = resolveSchedule(team.schedule, person.override);
  if (findHoliday(context.date, context.holidays)) return no('HOLIDAY');
  if (!isWorkDay(schedule, weekdayOf(context.date))) return no('NON_WORK_DAY');
  if (isOnLeave(context.date, context.leaves)) return no('ON_LEAVE');
  return { expected: true, teamId: team.id, leaderId: team.leaderId, schedule };
}

/** The instant a schedule's window closes on `date` in `timeZone` (DST-correct). */
export function windowCloseOn(date: LocalDate, schedule: Schedule, timeZone: string): Date {
  return instantOfLocalTime(date, schedule.windowEnd, timeZone);
}

export type MissDecision =
  | {
      due: true;
      teamId: string;
      leaderId: string | null;
      schedule: Schedule;
      windowClosedAt: Date;
    }
  | { due: false; reason: NotExpectedReason | 'CHECKED_IN' | 'WINDOW_NOT_CLOSED' };

/**
 * Is a miss of `context.date` due at `now`, judged on one state? Due when the worker was
 * expected and their window closed more than MISS_BUFFER_MINUTES before `now` with no
 * check-in that day.
 */
export function missDueOn(
  state: WorkerState,
  context: WorkerDayContext & { checkedIn: boolean; now: Date },
): MissDecision {
  if (context.checkedIn) return { due: false, reason: 'CHECKED_IN' };
  const expectation = expectationOn(state, context);
  if (!expectation.expected) return { due: false, reason: expectation.reason };
  const windowClosedAt = windowCloseOn(context.date, expectation.schedule, context.timeZone);
  if (!isPastBuffer(windowClosedAt, context.now))
    return { due: false, reason: 'WINDOW_NOT_CLOSED' };
  const { teamId, leaderId, schedule } = expectation;
  return { due: true, teamId, leaderId, schedule, windowClosedAt };
}

function isPastBuffer(windowClosedAt: Date, at: Date): boolean {
  return at.getTime() - windowClosedAt.getTime() > MISS_BUFFER_MINUTES * 60_000;
}

/** One state of a worker and the instant it began; it holds until the next one begins. */
export interface TimedWorkerState {
  from: Date;
  state: WorkerState;
}

/**
 * Is a miss of `context.date` due at `now`, when the worker's state changed during the day?
 * `states` are in order of `from`, the first one in effect at the start of the day. The miss is
 * due on the first state under which it ever became due: the state of an instant t at which the
 * window (by that state) had closed more than the buffer earlier. This is what a detector
 * running at every instant would have decided, so a day evaluated late (catch-up) and a day
 * evaluated live agree: a deactivation or a schedule change after a miss became due does not
 * undo it, and a change before it did decides it.
 */
export function missDueDuring(
  states: readonly TimedWorkerState[],
  context: WorkerDayContext & { checkedIn: boolean; now: Date },
): MissDecision {
  const now = context.now.getTime();
  let last: MissDecision = { due: false, reason: 'NO_TEAM' };
  for (const [index, { from, state }] of states.entries()) {
    if (from.getTime() > now) break;
    const next = states[index + 1]?.from.getTime();
    // The last instant this state held (up to now): the buffer only grows with time, so if the
    // miss was not due by then under this state, it was not due at any instant it held.
    const latest = next === undefined || next > now ? now : next - 1;
    if (latest < from.getTime()) continue;
    const decision = missDueOn(state, { ...context, now: new Date(latest) });
    if (decision.due) return decision;
    last = decision;
  }
  return last;
}
