import { Prisma } from '@aegira/db';

// Which person-days were expected (product.md "Dashboards and analytics"), as
// one set-based SQL prefix every dashboard and analytics query builds on
// (docs/decisions/026). Each local day is judged at its end (or now, for
// today) from the versions of persons and teams (decision 012): the person's
// team that day — a pending transfer due by then counts as done, as in
// app_person_team_on — their role and active flag, their assignment day, their
// work days (personal override, else the team's), the team's active flag,
// holidays and leave not cancelled by then. Expected = an active WORKER on an
// active team, assigned before the day, a work day, not a holiday, not on leave.

export interface JudgedDaysScope {
  /** First and last local date, inclusive. */
  from: string;
  to: string;
  /** The request's one clock reading: today is judged as of now. */
  now: Date;
  /** Only days spent on these teams; null: every team (and days without one, for a person). */
  teamIds: readonly string[] | null;
  /** Only this person's days. */
  personId: string | null;
}

function candidates(scope: JudgedDaysScope): Prisma.Sql {
  if (scope.personId !== null) return Prisma.sql`SELECT ${scope.personId}::uuid AS id`;
  if (scope.teamIds !== null) {
    const teams = [...scope.teamIds];
    return Prisma.sql`
      SELECT DISTINCT v.id FROM person_versions v
      WHERE v.company_id = app_current_company_id() AND v.team_id = ANY(${teams}::uuid[])
      UNION
      SELECT t.person_id FROM team_transfers t
      WHERE t.company_id = app_current_company_id() AND t.to_team_id = ANY(${teams}::uuid[])`;
  }
  return Prisma.sql`SELECT p.id FROM persons p WHERE p.company_id = app_current_company_id()`;
}

/**
 * `WITH company, days, people, pv, tv, team_days, day_check_ins, transfer_days, leave_days, pd,
 * judged AS (...)`: `judged` has one row per
 * person and day they existed — local_date, person_id, team_id (null: none that
 * day), is_active, expected, checked_in, leave_id, leave_type, holiday. Callers append their SELECT.
 */
export function judgedDaysSql(scope: JudgedDaysScope): Prisma.Sql {
  const teamFilter =
    scope.teamIds === null
      ? Prisma.empty
      : Prisma.sql`WHERE pd.team_id = ANY(${[...scope.teamIds]}::uuid[])`;
  return Prisma.sql`
    WITH company AS (
      SELECT c.timezone AS tz FROM companies c WHERE c.id = app_current_company_id()
    ),
    days AS MATERIALIZED (
      SELECT g::date AS local_date,
             least(((g::date + 1)::timestamp AT TIME ZONE company.tz), ${scope.now}::timestamptz) AS at,
             EXISTS (
               SELECT 1 FROM holidays h
               WHERE h.company_id = app_current_company_id() AND h.is_active
                 AND (h.date = g::date
                      OR (h.recurring AND to_char(h.date, 'MM-DD') = to_char(g::date, 'MM-DD')))
             ) AS holiday,
             -- Once per day rather than per person-day (extract yields numeric: not free).
             extract(isodow FROM g::date)::int AS isodow
      FROM company, generate_series(${scope.from}::date, ${scope.to}::date, interval '1 day') AS g
    ),
    people AS (${candidates(scope)}),
    pv AS (
      SELECT v.id, v.role, v.is_active, v.team_id, v.team_assigned_on, v.work_days,
             v.updated_at AS valid_from,
             lead(v.updated_at) OVER (PARTITION BY v.id ORDER BY v.updated_at) AS valid_to
      FROM person_versions v JOIN people ON people.id = v.id
      WHERE v.company_id = app_current_company_id()
    ),
    -- Only the teams a candidate was ever on or moving to: every pd.team_id is one of them,
    -- and a team's versions times the days is the largest set here otherwise.
    tv AS (
      SELECT v.id, v.is_active, v.work_days, v.updated_at AS valid_from,
             lead(v.updated_at) OVER (PARTITION BY v.id ORDER BY v.updated_at) AS valid_to
      FROM team_versions v
      WHERE v.company_id = app_current_company_id()
        AND v.id IN (
          SELECT pv.team_id FROM pv
          UNION ALL
          SELECT t.to_team_id FROM team_transfers t
          WHERE t.company_id = app_current_company_id() AND t.person_id IN (SELECT id FROM people))
    ),
    -- Each team's version per day, joined on equality (a team per day is small).
    team_days AS MATERIALIZED (
      SELECT d.local_date, tv.id, tv.is_active, tv.work_days
      FROM days d JOIN tv ON tv.valid_from <= d.at AND (tv.valid_to IS NULL OR tv.valid_to > d.at)
    ),
    -- Who checked in on which day (the row is the latest version), hash-joined below: one
    -- range scan of the unique key (company_id, person_id, local_date) per candidate, which
    -- answers alone (index-only; a person's rows lie on as many heap pages as days).
    day_check_ins AS MATERIALIZED (
      SELECT ci.person_id, ci.local_date
      FROM people
      JOIN LATERAL (
        SELECT c.person_id, c.local_date
        FROM check_ins c
        WHERE c.company_id = app_current_company_id() AND c.person_id = people.id
          AND c.local_date BETWEEN ${scope.from}::date AND ${scope.to}::date
      ) ci ON true
    ),
    -- Due pending transfers and leave, per person and day: small sets built once and
    -- hash-joined, instead of one index probe per person-day.
    transfer_days AS MATERIALIZED (
      SELECT DISTINCT ON (t.person_id, d.local_date) t.person_id, d.local_date, t.to_team_id, t.effective_on
      FROM team_transfers t
      JOIN days d ON t.effective_on <= d.local_date AND t.created_at <= d.at
                 AND (t.resolved_at IS NULL OR t.resolved_at > d.at)
      WHERE t.company_id = app_current_company_id() AND t.person_id IN (SELECT id FROM people)
      ORDER BY t.person_id, d.local_date, t.created_at DESC
    ),
    leave_days AS MATERIALIZED (
      SELECT DISTINCT ON (l.person_id, d.local_date) l.person_id, d.local_date, l.id, l.type::text AS type
      FROM leaves l
      JOIN days d ON d.local_date BETWEEN l.start_date AND l.end_date
                 AND (l.cancelled_at IS NULL OR l.cancelled_at > d.at)
      WHERE l.company_id = app_current_company_id() AND l.person_id IN (SELECT id FROM people)
      ORDER BY l.person_id, d.local_date, l.created_at DESC
    ),
    pd AS (
      SELECT d.local_date, d.at, d.holiday, d.isodow, pv.id AS person_id, pv.role, pv.is_active, pv.work_days,
             COALESCE(tr.to_team_id, pv.team_id) AS team_id,
             CASE WHEN tr.to_team_id IS NULL THEN pv.team_assigned_on ELSE tr.effective_on END AS assigned_on
      FROM days d
      JOIN pv ON pv.valid_from <= d.at AND (pv.valid_to IS NULL OR pv.valid_to > d.at)
      LEFT JOIN transfer_days tr ON tr.person_id = pv.id AND tr.local_date = d.local_date
    ),
    judged AS (
      SELECT pd.local_date, pd.person_id, pd.team_id, pd.holiday, pd.is_active,
             lv.id AS leave_id, lv.type AS leave_type, (ck.person_id IS NOT NULL) AS checked_in,
             COALESCE(
               pd.role = 'WORKER' AND pd.is_active AND tv.is_active AND NOT pd.holiday
               AND lv.id IS NULL
               AND (pd.assigned_on IS NULL OR pd.assigned_on < pd.local_date)
               AND pd.isodow = ANY(
                 CASE WHEN cardinality(pd.work_days) > 0 THEN pd.work_days ELSE tv.work_days END),
               false) AS expected
      FROM pd
      LEFT JOIN team_days tv ON tv.id = pd.team_id AND tv.local_date = pd.local_date
      LEFT JOIN day_check_ins ck ON ck.person_id = pd.person_id AND ck.local_date = pd.local_date
      LEFT JOIN leave_days lv ON lv.person_id = pd.person_id AND lv.local_date = pd.local_date
      ${teamFilter}
    )`;
}
