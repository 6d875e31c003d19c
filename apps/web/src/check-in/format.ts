/** "7.5 hours", "1 hour": hours are entered in half hours, so one decimal at most. */
export function formatHours(hours: number): string {
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** A factor score as stored (one decimal), without a trailing ".0": 83.3, 100. */
export function formatFactorScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/**
 * A business date ('2026-03-02') as "Mon, 2 Mar 2026". The date is a calendar day, not an
 * instant: it is read at UTC midnight and printed in UTC so no timezone can move it.
 */
export function formatLocalDate(date: string, style: 'long' | 'short' = 'long'): string {
  const instant = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return date;
  return (style === 'long' ? longDate : shortDate).format(instant);
}

/** The wall-clock time of an instant on the company's clock, e.g. "08:14". */
export function formatTimeIn(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const options: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(instant);
  } catch {
    // An unknown zone: the browser's clock is better than no time at all.
    return new Intl.DateTimeFormat('en-GB', options).format(instant);
  }
}

/** "Late (12 min)", "Late (1 h 5 min)". */
export function lateLabel(minutesLate: number): string {
  if (minutesLate < 60) return `Late (${minutesLate} min)`;
  const hours = Math.floor(minutesLate / 60);
  const minutes = minutesLate % 60;
  return minutes === 0 ? `Late (${hours} h)` : `Late (${hours} h ${minutes} min)`;
}
