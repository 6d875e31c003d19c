import {
  type DirectRead,
  localDateOf,
  type Person,
  Prisma,
  type ReadTx,
  type Team,
} from '@aegira/db';
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
  /**
   * The person's team today: a transfer whose day has come counts as done even
   * before a command completes it, so it may differ from the row's team_id.
   */
  teamId: string | null;
  timeZone: string;
  schedule: Schedule;
  /** Where the day stands for this schedule (what the UI shows). */
  day: CheckInDayStatus;
  /** Whether this person may check in now, and why not. */
  evaluation: CheckInWindowResult;
  /** Today's check-in, if there is one. */
  checkInId: string | null;
  /** Today's recorded miss, while neither resolved nor excused. */
  openMissId: string | null;
  /** The lead of today's team: who a RED check-in alerts. */
  leadId: string | null;
}

function workDaysOf(days: readonly number[]): WorkDay[] {
  return days.filter((day): day is WorkDay => Number.isInteger(day) && day >= 1 && day <= 7);
}

/** The company's active holidays, as the window rules read them. */
export async function loadHolidays(read: ReadTx): Promise<Holiday[]> {
  const rows = await read.holiday.findMany({ where: { isActive: true } });
  return rows.map(holidayOf);
}

/** A holiday row as the schedule rules read it. */
export function holidayOf(row: { date: Date; name: string; recurring: boolean }): Holiday {
  return { date: localDateOf(row.date), name: row.name, recurring: row.recurring };
}

type ScheduleFields = Pick<Team, 'windowStart' | 'windowEnd' | 'workDays'>;
type OverrideFields = Pick<Person, 'windowStart' | 'windowEnd' | 'workDays'>;

/** The schedule of one person: their personal override per field, else their team's. */
export function scheduleOf(person: OverrideFields, team: ScheduleFields | null): Schedule {
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

interface WorkerDayRow {
  timezone: string;
  is_active: boolean;
  window_start: string | null;
  window_end: string | null;
  work_days: number[];
  team_id: string | null;
  team_active: boolean | null;
  team_window_start: string | null;
  team_window_end: string | null;
  team_work_days: number[] | null;
  lead_id: string | null;
  holidays: Holiday[];
  check_in_id: string | null;
  open_miss_id: string | null;
}

/**
 * Everything the window rules need, read in the caller's transaction (its sqlOf) in one
 * statement (the check-in hot path, docs/decisions/014) and judged on one
 * clock reading (`now`), so "today" cannot drift between the checks. The team
 * is the person's team of today (app_person_team_on), so a query sees a move
 * on its day without anything having written it.
 */
export async function loadWorkerDay(
  read: DirectRead,
  personId: string,
  now: Date,
): Promise<WorkerDay> {
  // Text, booleans, int[] and json: the same rows whether the driver or Prisma sends it.
  const rows = await read.rows<WorkerDayRow>(Prisma.sql`
    SELECT c.timezone, p.is_active, p.window_start, p.window_end, p.work_days,
           t.id AS team_id, t.is_active AS team_active, t.window_start AS team_window_start,
           t.window_end AS team_window_end, t.work_days AS team_work_days, t.leader_id AS lead_id,
           (SELECT coalesce(jsonb_agg(jsonb_build_object(
                     'date', h.date, 'name', h.name, 'recurring', h.recurring)), '[]'::jsonb)
            FROM holidays h WHERE h.is_active) AS holidays,
           (SELECT ci.id FROM check_ins ci
            WHERE ci.person_id = p.id AND ci.local_date = d.local_date) AS check_in_id,
           (SELECT m.id FROM missed_check_ins m
            WHERE m.person_id = p.id AND m.local_date = d.local_date
              AND m.resolved_at IS NULL AND m.excused_at IS NULL) AS open_miss_id
    FROM persons p
    JOIN companies c ON c.id = p.company_id
    CROSS JOIN LATERAL (SELECT (${now}::timestamptz AT TIME ZONE c.timezone)::date AS local_date) d
    LEFT JOIN teams t ON t.id = app_person_team_on(p.id, d.local_date)
    WHERE p.id = ${personId}::uuid`);
  const row = rows[0];
  if (!row) throw new Error(`No person ${personId} in the bound company`);
  const team =
    row.team_id && row.team_window_start && row.team_window_end
      ? {
          windowStart: row.team_window_start,
          windowEnd: row.team_window_end,
          workDays: row.team_work_days ?? [],
        }
      : null;
  const schedule = scheduleOf(
    { windowStart: row.window_start, windowEnd: row.window_end, workDays: row.work_days },
    team,
  );
  const dayInput = { now, timeZone: row.timezone, schedule, holidays: row.holidays };
  return {
    teamId: row.team_id,
    timeZone: row.timezone,
    schedule,
    day: checkInDayStatus(dayInput),
    evaluation: evaluateCheckInWindow({
      ...dayInput,
      person: { isActive: row.is_active, teamId: row.team_id },
      team: row.team_id ? { isActive: row.team_active === true } : null,
    }),
    checkInId: row.check_in_id,
    openMissId: row.open_miss_id,
    leadId: row.lead_id,
  };
}
