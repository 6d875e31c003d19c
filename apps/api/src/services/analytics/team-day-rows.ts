import { type DirectRead, Prisma } from '@aegira/db';
import { judgedDaysSql } from './judged-days-sql.ts';

/** One team on one local day: what was expected (judged-days-sql.ts) and what was recorded. */
export interface TeamDayRow {
  team_id: string;
  local_date: string;
  /** Active people on the team that day (any role). */
  members: number;
  expected: number;
  /** Check-ins of expected workers. */
  submitted: number;
  /** Every check-in recorded for the team that day (latest version: the row). */
  check_ins: number;
  score_sum: number;
  green: number;
  yellow: number;
  red: number;
  late: number;
  /** Sum of the local submit times in minutes after midnight. */
  minute_sum: number;
}

/**
 * Per team and day over [from, to], in one statement: expected and submitted
 * from the judged days, check-in figures from check_ins (team_id and
 * local_date as recorded), full-joined so a day with check-ins but nobody
 * expected (a weekend check-in) still shows its check-ins.
 */
export async function teamDayRows(read: DirectRead, scope: TeamDaysScope): Promise<TeamDayRow[]> {
  return read.rows<TeamDayRow>(teamDayRowsSql(scope));
}

export interface TeamDaysScope {
  from: string;
  to: string;
  now: Date;
  teamIds: readonly string[] | null;
}

/** The statement of teamDayRows (exported for EXPLAIN in measurements). */
export function teamDayRowsSql(scope: TeamDaysScope): Prisma.Sql {
  const checkInTeams =
    scope.teamIds === null
      ? Prisma.empty
      : Prisma.sql`AND ci.team_id = ANY(${[...scope.teamIds]}::uuid[])`;
  return Prisma.sql`
    ${judgedDaysSql({ ...scope, personId: null })},
    expected_days AS (
      SELECT j.team_id, j.local_date,
             count(*) FILTER (WHERE j.is_active)::int AS members,
             count(*) FILTER (WHERE j.expected)::int AS expected,
             count(*) FILTER (WHERE j.expected AND j.checked_in)::int AS submitted
      FROM judged j
      WHERE j.team_id IS NOT NULL
      GROUP BY j.team_id, j.local_date
    ),
    check_in_days AS (
      -- Check-ins as recorded (team_id, local_date), by the team index: whoever checked in
      -- for a team that day was on it, so is a candidate of judged.
      SELECT ci.team_id, ci.local_date, count(*)::int AS check_ins,
             sum(ci.readiness_score)::int AS score_sum,
             count(*) FILTER (WHERE ci.readiness_level = 'GREEN')::int AS green,
             count(*) FILTER (WHERE ci.readiness_level = 'YELLOW')::int AS yellow,
             count(*) FILTER (WHERE ci.readiness_level = 'RED')::int AS red,
             count(*) FILTER (WHERE ci.is_late)::int AS late,
             sum(extract(hour FROM ci.submitted_at AT TIME ZONE company.tz) * 60
                 + extract(minute FROM ci.submitted_at AT TIME ZONE company.tz))::int AS minute_sum
      FROM check_ins ci, company
      WHERE ci.company_id = app_current_company_id()
        AND ci.local_date BETWEEN ${scope.from}::date AND ${scope.to}::date
        ${checkInTeams}
      GROUP BY ci.team_id, ci.local_date
    )
    SELECT COALESCE(e.team_id, c.team_id) AS team_id,
           COALESCE(e.local_date, c.local_date)::text AS local_date,
           COALESCE(e.members, 0) AS members, COALESCE(e.expected, 0) AS expected, COALESCE(e.submitted, 0) AS submitted,
           COALESCE(c.check_ins, 0) AS check_ins, COALESCE(c.score_sum, 0) AS score_sum,
           COALESCE(c.green, 0) AS green, COALESCE(c.yellow, 0) AS yellow, COALESCE(c.red, 0) AS red,
           COALESCE(c.late, 0) AS late, COALESCE(c.minute_sum, 0) AS minute_sum
    FROM expected_days e
    FULL JOIN check_in_days c ON c.team_id = e.team_id AND c.local_date = e.local_date
    ORDER BY 2, 1`;
}
