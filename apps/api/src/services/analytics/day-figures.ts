import { averageOf, formatHm, percentOf } from '@aegira/domain';
import type { TeamDayRow } from './team-day-rows.ts';

/** DayFigures of dashboard-schemas.ts, plus the mean local submit time. */
export interface DayFigures {
  expected: number;
  submitted: number;
  compliance: number | null;
  checkIns: number;
  averageReadiness: number | null;
  levels: { GREEN: number; YELLOW: number; RED: number };
  late: number;
  averageSubmitTime: string | null;
}

/** The figures of any set of team-days together (a day, a team's period, the company). */
export function figuresOf(rows: readonly TeamDayRow[]): DayFigures {
  let expected = 0;
  let submitted = 0;
  let checkIns = 0;
  let scoreSum = 0;
  let minuteSum = 0;
  const levels = { GREEN: 0, YELLOW: 0, RED: 0 };
  let late = 0;
  for (const row of rows) {
    expected += row.expected;
    submitted += row.submitted;
    checkIns += row.check_ins;
    scoreSum += row.score_sum;
    minuteSum += row.minute_sum;
    levels.GREEN += row.green;
    levels.YELLOW += row.yellow;
    levels.RED += row.red;
    late += row.late;
  }
  const minutes = checkIns > 0 ? Math.round(minuteSum / checkIns) : null;
  return {
    expected,
    submitted,
    compliance: percentOf(submitted, expected),
    checkIns,
    averageReadiness: averageOf(scoreSum, checkIns),
    levels,
    late,
    averageSubmitTime: minutes === null ? null : formatHm(Math.min(minutes, 1439)),
  };
}

/** Rows grouped by a key, in first-seen order. */
export function groupRows(
  rows: readonly TeamDayRow[],
  key: (row: TeamDayRow) => string,
): Map<string, TeamDayRow[]> {
  const groups = new Map<string, TeamDayRow[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
