export type Weekday = { day: number; short: string; long: string };

/** ISO weekdays, Monday = 1 … Sunday = 7, as the API and @aegira/domain number them. */
export const WEEKDAYS: readonly Weekday[] = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 7, short: 'Sun', long: 'Sunday' },
];

function shortName(day: number): string {
  return WEEKDAYS.find((weekday) => weekday.day === day)?.short ?? String(day);
}

/** Runs of consecutive days: [1,2,3,5] → [[1,3],[5,5]]. */
function runsOf(days: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const day of [...new Set(days)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

/** "Mon–Fri", "Mon, Wed, Fri", "Every day": three or more days in a row read as a range. */
export function formatWorkDays(days: readonly number[]): string {
  const runs = runsOf(days);
  if (runs.length === 0) return 'No days';
  if (runs.length === 1 && runs[0]?.[0] === 1 && runs[0][1] === 7) return 'Every day';
  return runs
    .flatMap(([first, last]) => {
      if (last - first >= 2) return [`${shortName(first)}–${shortName(last)}`];
      if (last > first) return [shortName(first), shortName(last)];
      return [shortName(first)];
    })
    .join(', ');
}

/** "06:00–10:00". */
export function formatWindow(start: string, end: string): string {
  return `${start}–${end}`;
}

/** The days with `day` switched on or off, in weekday order. */
export function toggleDay(days: readonly number[], day: number, on: boolean): number[] {
  const next = new Set(days);
  if (on) next.add(day);
  else next.delete(day);
  return [...next].sort((a, b) => a - b);
}
