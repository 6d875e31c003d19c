import type { ReadTx } from '@aegira/db';
import { judgedDaysSql } from './judged-days-sql.ts';

/** One person on one local day: judged (judged-days-sql.ts), with the day's records. */
export interface PersonDayRow {
  local_date: string;
  team_id: string | null;
  expected: boolean;
  leave_id: string | null;
  leave_type: 'ANNUAL' | 'SICK' | 'OTHER' | null;
  check_in_id: string | null;
  readiness_score: number | null;
  level: 'GREEN' | 'YELLOW' | 'RED' | null;
  is_late: boolean | null;
  miss_id: string | null;
  excused: boolean | null;
  excuse_reason: string | null;
}

/**
 * A person's days over [from, to], oldest first, in one statement; with
 * `teamIds`, only the days spent on those teams (a lead's view of a member).
 */
export async function personDayRows(
  read: ReadTx,
  scope: {
    from: string;
    to: string;
    now: Date;
    personId: string;
    teamIds: readonly string[] | null;
  },
): Promise<PersonDayRow[]> {
  return read.$queryRaw<PersonDayRow[]>`
    ${judgedDaysSql(scope)}
    SELECT j.local_date::text AS local_date, j.team_id, j.expected, j.leave_id, j.leave_type,
           ci.id AS check_in_id, ci.readiness_score, ci.readiness_level::text AS level, ci.is_late,
           m.id AS miss_id, (m.excused_at IS NOT NULL) AS excused, m.excuse_reason
    FROM judged j
    LEFT JOIN check_ins ci ON ci.company_id = app_current_company_id()
                          AND ci.person_id = j.person_id AND ci.local_date = j.local_date
    LEFT JOIN missed_check_ins m ON m.company_id = app_current_company_id()
                                AND m.person_id = j.person_id AND m.local_date = j.local_date
    ORDER BY j.local_date`;
}
