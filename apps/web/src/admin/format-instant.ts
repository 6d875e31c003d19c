const dateTimeOptions: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/**
 * An instant on the company's clock, e.g. "2 Mar 2026, 08:14" — the clock every date in
 * AEGIRA is judged on. An unknown zone falls back to the browser's clock.
 */
export function formatInstant(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat('en-GB', { ...dateTimeOptions, timeZone }).format(instant);
  } catch {
    return new Intl.DateTimeFormat('en-GB', dateTimeOptions).format(instant);
  }
}

/** The UTC offset of `timeZone` at `instant`, in minutes (Berlin in summer: 120). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/**
 * The instant a local date ('2026-03-29') starts in `timeZone`, as ISO: the bound of a
 * "from" filter. Re-checked once, so a date on which the clocks change still starts right.
 */
export function startOfLocalDay(date: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  try {
    let instant = midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
    instant = midnightUtc - offsetMinutes(new Date(instant), timeZone) * 60_000;
    return new Date(instant).toISOString();
  } catch {
    return null;
  }
}

/** The last millisecond of a local date in `timeZone`: the inclusive bound of a "to" filter. */
export function endOfLocalDay(date: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
  const start = startOfLocalDay(next.toISOString().slice(0, 10), timeZone);
  return start === null ? null : new Date(new Date(start).getTime() - 1).toISOString();
}
