import { randomUUID } from 'node:crypto';
import {
  type Db,
  type DecidedEvent,
  event,
  executeCommand,
  isUniqueViolation,
  type ReadTx,
  withTenant,
} from '@aegira/db';
import {
  addDays,
  type LeaveRange,
  missDueDuring,
  STREAK_LOOKBACK_DAYS,
  startOfLocalDate,
} from '@aegira/domain';
import { EventType } from '@aegira/events';
import { loadHolidays } from '../check-in/worker-day.ts';
import { NothingChanged } from '../no-changes.ts';
import { planDetection } from './detect-days.ts';
import { type DayBounds, loadDayStates } from './detect-states.ts';
import { type DueMiss, snapshotsOf } from './snapshot-miss.ts';

/**
 * How often one day's decision is re-run after losing a race: another instance recorded some
 * of the same misses first (the unique index on company, person and day refused ours), and the
 * next decision skips them. Each retry sees at least that instance's committed rows.
 */
const MAX_ATTEMPTS = 5;

export interface DetectionResult {
  /** Misses recorded by this run. */
  detected: number;
  /** Local days evaluated (today and the days being caught up on). */
  daysChecked: number;
}

/**
 * Records every due missed check-in of one company (product.md "Missed check-ins"), as the
 * system: for today, and for each of up to 14 earlier days not yet fully evaluated (catch-up
 * after downtime), each judged on that day's state. One command per day, oldest first, so a
 * day's snapshot counts the misses recorded for the days before it. Idempotent, and safe when
 * several instances run it at once.
 *
 * What "that day's state" is, per source:
 * - persons and teams (active, role, team, assignment day, window, work days, lead): their
 *   versions during the day; the miss is judged on the state under which it first became due,
 *   which is what a detector running continuously would have decided (missDueDuring). A change
 *   after that moment (deactivation, new window) does not undo it;
 * - transfers: one pending while its effective day had come counts as done, as everywhere;
 * - holidays: as they are now (holidays keep no history), so a holiday added later for a past
 *   day prevents its miss;
 * - leave: leaves not cancelled now, so leave recorded afterwards for a past day prevents it;
 * - check-ins: any check-in of that day.
 */
export async function detectMissedCheckIns(
  db: Db,
  companyId: string,
  now: Date,
): Promise<DetectionResult> {
  const plan = await withTenant(db, companyId, (read) => planDetection(read, companyId, now));
  let detected = 0;
  for (const date of plan.days) {
    const day: DayBounds = {
      date,
      start: startOfLocalDate(date, plan.timeZone),
      end: new Date(
        Math.min(startOfLocalDate(addDays(date, 1), plan.timeZone).getTime() - 1, now.getTime()),
      ),
    };
    detected += await detectDay(db, companyId, plan.timeZone, day, now);
  }
  return { detected, daysChecked: plan.days.length };
}

async function detectDay(
  db: Db,
  companyId: string,
  timeZone: string,
  day: DayBounds,
  now: Date,
): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const stored = await executeCommand(
        db,
        // Nobody acts: the miss is recorded because the window closed.
        { companyId, actorId: null },
        async (read) => {
          const events = await decideDay(read, companyId, timeZone, day, now);
          if (events.length === 0) throw new NothingChanged();
          return events;
        },
      );
      return stored.filter((e) => e.type === EventType.MISSED_CHECK_IN_DETECTED).length;
    } catch (error) {
      if (error instanceof NothingChanged) return 0;
      if (isUniqueViolation(error) && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}

interface DecidedRow {
  kind: 'check_in' | 'miss';
  person_id: string;
  id: string;
  open: boolean;
}

async function decideDay(
  read: ReadTx,
  companyId: string,
  timeZone: string,
  day: DayBounds,
  now: Date,
): Promise<DecidedEvent[]> {
  const holidays = await loadHolidays(read);
  // Who is already decided for the day: a check-in, or a recorded miss (whatever its outcome).
  const decided = await read.$queryRaw<DecidedRow[]>`
    SELECT 'check_in' AS kind, person_id, id, false AS open
    FROM check_ins WHERE local_date = ${day.date}::date
    UNION ALL
    SELECT 'miss', person_id, id, resolved_at IS NULL AND excused_at IS NULL
    FROM missed_check_ins WHERE local_date = ${day.date}::date`;
  const leaves = await read.$queryRaw<Array<{ person_id: string } & LeaveRange>>`
    SELECT person_id, start_date::text AS "startDate", end_date::text AS "endDate"
    FROM leaves
    WHERE cancelled_at IS NULL AND start_date <= ${day.date}::date
      AND end_date >= ${addDays(day.date, -STREAK_LOOKBACK_DAYS)}::date`;
  const leavesByPerson = new Map<string, LeaveRange[]>();
  for (const { person_id, startDate, endDate } of leaves) {
    leavesByPerson.set(person_id, [
      ...(leavesByPerson.get(person_id) ?? []),
      { startDate, endDate },
    ]);
  }
  const leavesOf = (personId: string) => leavesByPerson.get(personId) ?? [];

  const events: DecidedEvent[] = [...resolveRacedMisses(decided, now)];
  const states = await loadDayStates(
    read,
    companyId,
    day,
    new Set(decided.map((row) => row.person_id)),
  );
  const due: DueMiss[] = [];
  for (const [personId, timeline] of states) {
    const decision = missDueDuring(timeline, {
      date: day.date,
      timeZone,
      holidays,
      leaves: leavesOf(personId),
      checkedIn: false,
      now,
    });
    if (decision.due) {
      const { teamId, leaderId, schedule } = decision;
      due.push({ personId, teamId, leaderId, schedule });
    }
  }
  // One order for every instance, so racing inserts queue on the unique index instead of
  // deadlocking.
  due.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  const snapshots = await snapshotsOf(read, day.date, due, { holidays, leavesOf });
  for (const miss of due) {
    events.push(
      event(EventType.MISSED_CHECK_IN_DETECTED, {
        id: randomUUID(),
        personId: miss.personId,
        teamId: miss.teamId,
        localDate: day.date,
        detectedAt: now.toISOString(),
        snapshot: snapshots.get(miss.personId) ?? null,
      }),
    );
  }
  return events;
}

/**
 * An open miss whose day has a check-in: the check-in and the detection committed side by side,
 * each without seeing the other. The next run that evaluates the day resolves it, as the late
 * check-in would have.
 */
function resolveRacedMisses(decided: readonly DecidedRow[], now: Date): DecidedEvent[] {
  const checkIns = new Map(
    decided.filter((row) => row.kind === 'check_in').map((row) => [row.person_id, row.id]),
  );
  return decided.flatMap((row) => {
    const checkInId = checkIns.get(row.person_id);
    if (row.kind !== 'miss' || !row.open || !checkInId) return [];
    return [
      event(EventType.MISSED_CHECK_IN_RESOLVED, {
        id: row.id,
        checkInId,
        resolvedAt: now.toISOString(),
      }),
    ];
  });
}
