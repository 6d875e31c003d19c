import { addDays, toLocalTime } from '@aegira/domain';
import type { CheckIn, ReadinessLevel } from '../check-in/check-in-types.ts';
import { formatLocalDate } from '../check-in/format.ts';

export const CHART_DAYS = 30;
/** The SVG's own coordinate space; the element stretches it to the card's width. */
export const CHART_WIDTH = 300;
export const CHART_HEIGHT = 100;

export type ChartDay = { date: string; score: number | null; level: ReadinessLevel | null };

export type ChartBar = {
  date: string;
  x: number;
  y: number;
  width: number;
  height: number;
  level: ReadinessLevel | null;
};

type ScoredDay = Pick<CheckIn, 'localDate'> & {
  scores: Pick<CheckIn['scores'], 'readinessScore' | 'level'>;
};

/** Today on the company's clock: the chart's days are business dates, like the check-ins'. */
export function todayIn(now: Date, timeZone: string): string {
  try {
    return toLocalTime(now, timeZone).date;
  } catch {
    // An unknown zone: UTC's date is at most a day off, which a trend chart survives.
    return now.toISOString().slice(0, 10);
  }
}

/** The last `count` days ending today, oldest first, with the score of each day checked in. */
export function chartDays(
  today: string,
  checkIns: readonly ScoredDay[],
  count = CHART_DAYS,
): ChartDay[] {
  const byDate = new Map(checkIns.map((checkIn) => [checkIn.localDate, checkIn.scores]));
  return Array.from({ length: count }, (_, index) => {
    const date = addDays(today, index - (count - 1));
    const scores = byDate.get(date);
    return { date, score: scores?.readinessScore ?? null, level: scores?.level ?? null };
  });
}

/** The height of a score on the chart's scale (0–100 fills the whole height). */
export function scoreToY(score: number): number {
  return CHART_HEIGHT - (score / 100) * CHART_HEIGHT;
}

/**
 * One bar per day, centred in its slot. A score of 0 still gets a sliver so it reads as
 * "checked in, very low" rather than "no check-in"; a day without one gets a baseline mark.
 */
export function chartBars(days: readonly ChartDay[]): ChartBar[] {
  const slot = CHART_WIDTH / Math.max(days.length, 1);
  const width = slot * 0.7;
  return days.map((day, index) => {
    const height = day.score === null ? 1.5 : Math.max((day.score / 100) * CHART_HEIGHT, 1.5);
    return {
      date: day.date,
      x: index * slot + (slot - width) / 2,
      y: CHART_HEIGHT - height,
      width,
      height,
      level: day.level,
    };
  });
}

function describeDay(day: ChartDay): string {
  return `${day.score} on ${formatLocalDate(day.date, 'short')}`;
}

/** The chart in one or two sentences, for screen readers and as its caption. */
export function chartSummary(days: readonly ChartDay[]): string {
  const scored = days.filter((day): day is ChartDay & { score: number } => day.score !== null);
  const [first] = scored;
  if (first === undefined) return `No check-ins in the last ${days.length} days.`;
  let lowest = first;
  let highest = first;
  let total = 0;
  for (const day of scored) {
    total += day.score;
    if (day.score < lowest.score) lowest = day;
    if (day.score > highest.score) highest = day;
  }
  const count = scored.length === 1 ? '1 check-in' : `${scored.length} check-ins`;
  const average = Math.round(total / scored.length);
  if (scored.length === 1) {
    return `${count} in the last ${days.length} days: readiness ${describeDay(first)}.`;
  }
  return `${count} in the last ${days.length} days. Average readiness ${average}; lowest ${describeDay(lowest)}, highest ${describeDay(highest)}.`;
}
